// `/xregion find`: requests by number, member, region or period, newest first (members:
// closest match first), a page at a time, limited to what the asker may see (their
// region's requests; admins all).
import { DomainError } from '../../errors.ts';
import type { Prisma } from '../../db/client.ts';
import { requireStaff } from '../directory/find-staff.ts';
import { searchCustomers } from '../directory/search-customers.ts';
import type { Deps } from '../deps.ts';
import { normalisePhone } from '../phone.ts';
import { visibleRequestsFilter } from './access.ts';
import type { FindQuery } from './find-query.ts';
import { localDayRange } from '../local-time.ts';

export const findPageSize = 10;

export async function findCrossRegionRequests(deps: Pick<Deps, 'db'>, input: { actorId: string; query: FindQuery; page: number; timeZone: string }) {
  const actor = await requireStaff(deps, input.actorId);
  const where: Prisma.XregionRequestWhereInput = { AND: [visibleRequestsFilter(actor), await matching(deps, input.query, input.timeZone)] };
  const total = await deps.db.xregionRequest.count({ where });
  const pages = Math.max(1, Math.ceil(total / findPageSize));
  const page = Math.min(Math.max(1, input.page), pages);
  const requests =
    input.query.kind === 'member'
      ? await rankedPage(deps, where, input.query, page)
      : await deps.db.xregionRequest.findMany({ where, orderBy: newestFirst, skip: (page - 1) * findPageSize, take: findPageSize, include: latestAcceptance });
  const items = requests.map(({ acceptanceForms, ...request }) => ({ ...request, acceptance: acceptanceForms[0]! }));
  const regions = await deps.db.region.findMany({ select: { code: true, name: true } });
  return { items, total, page, pages, regionNames: new Map(regions.map((r) => [r.code, r.name])) };
}

const latestAcceptance = { acceptanceForms: { orderBy: { version: 'desc' }, take: 1 } } as const;
const newestFirst = [{ openedAt: 'desc' }, { number: 'desc' }] satisfies Prisma.XregionRequestOrderByWithRelationInput[];

/**
 * A page of member matches, closest first: the exact member (code, number or name), then
 * numbers and names that start with what was typed, then those that only contain it;
 * newest first within each. Ranked over every match, so the pages follow one order.
 */
async function rankedPage(deps: Pick<Deps, 'db'>, where: Prisma.XregionRequestWhereInput, query: Extract<FindQuery, { kind: 'member' }>, page: number) {
  const matches = await deps.db.xregionRequest.findMany({
    where,
    orderBy: newestFirst,
    select: { id: true, customerCode: true, acceptanceForms: { select: { memberNumber: true, memberName: true } } },
  });
  const numbers = memberNumbers(query.text);
  const text = query.text.toLowerCase();
  const rank = (match: (typeof matches)[number]) => {
    const forms = match.acceptanceForms;
    if (match.customerCode === query.text.toUpperCase() || forms.some((f) => numbers.includes(f.memberNumber) || f.memberName.toLowerCase() === text)) return 0;
    if (forms.some((f) => (query.digits && f.memberNumber.startsWith(query.digits)) || f.memberName.toLowerCase().startsWith(text))) return 1;
    return 2;
  };
  // A stable sort keeps newest first within a rank.
  const ids = matches
    .map((match) => ({ id: match.id, rank: rank(match) }))
    .sort((a, b) => a.rank - b.rank)
    .slice((page - 1) * findPageSize, page * findPageSize)
    .map((m) => m.id);
  const requests = await deps.db.xregionRequest.findMany({ where: { id: { in: ids } }, include: latestAcceptance });
  return ids.map((id) => requests.find((r) => r.id === id)!);
}

const memberNumbers = (text: string) => [text, text.toUpperCase(), normalisePhone(text)].filter((n): n is string => Boolean(n));

async function matching(deps: Pick<Deps, 'db'>, query: FindQuery, timeZone: string): Promise<Prisma.XregionRequestWhereInput> {
  switch (query.kind) {
    case 'number':
      return { number: query.number };
    case 'region':
      return { OR: [{ homeRegionCode: query.code }, { servingRegionCode: query.code }] };
    case 'period': {
      const range = localDayRange(query.from, query.to, timeZone);
      if (!range) throw new DomainError('xregion_bad_period', { from: query.from, to: query.to });
      return { openedAt: { gte: range.from, lt: range.to } };
    }
    case 'member': {
      const form: Prisma.XregionAcceptanceFormWhereInput[] = [
        { memberNumber: { in: memberNumbers(query.text) } },
        { memberName: { contains: query.text, mode: 'insensitive' } },
        ...(query.digits ? [{ memberNumber: { contains: query.digits } }] : []),
      ];
      // Members in the directory also by name, pinyin or initials (the shared customer search).
      const members = await searchCustomers(deps, { query: query.text, scope: { kind: 'directory' }, limit: 100 });
      return { OR: [{ customerCode: { in: [query.text.toUpperCase(), ...members.map((m) => m.code)] } }, { acceptanceForms: { some: { OR: form } } }] };
    }
  }
}

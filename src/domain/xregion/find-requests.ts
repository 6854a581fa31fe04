// `/xregion find`: requests by number, member, region or period, newest first, a page
// at a time, limited to what the asker may see (their region's requests; admins all).
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
  const requests = await deps.db.xregionRequest.findMany({
    where,
    orderBy: [{ openedAt: 'desc' }, { number: 'desc' }],
    skip: (page - 1) * findPageSize,
    take: findPageSize,
    include: { acceptanceForms: { orderBy: { version: 'desc' }, take: 1 } },
  });
  const items = requests.map(({ acceptanceForms, ...request }) => ({ ...request, acceptance: acceptanceForms[0]! }));
  const regions = await deps.db.region.findMany({ select: { code: true, name: true } });
  return { items, total, page, pages, regionNames: new Map(regions.map((r) => [r.code, r.name])) };
}

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
      const numbers = [query.text, query.text.toUpperCase(), normalisePhone(query.text)].filter((n): n is string => Boolean(n));
      // Members in the directory also by name, pinyin or initials (the shared customer search).
      const members = await searchCustomers(deps, { query: query.text, scope: { kind: 'directory' }, limit: 100 });
      return {
        OR: [
          { customerCode: { in: [query.text.toUpperCase(), ...members.map((m) => m.code)] } },
          { acceptanceForms: { some: { OR: [{ memberNumber: { in: numbers } }, { memberName: { contains: query.text, mode: 'insensitive' } }] } } },
        ],
      };
    }
  }
}

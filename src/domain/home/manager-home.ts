// An account manager's Home: follow-ups due today or overdue, open cross-region
// requests that concern them, and retention cases where the customer is considering.
import type { Deps } from '../deps.ts';
import type { LocalDate } from '../local-time.ts';
import { customerDues, type CustomerDue } from '../visits/customer-dues.ts';
import type { FollowUpPolicy } from '../visits/follow-up-policy.ts';
import { pageFromDb, pageOf, type PageRequest, type SectionPage } from './home-page.ts';

/** Overdue first (longest overdue at the top), then those due today. */
export function pressingDues(dues: CustomerDue[]): CustomerDue[] {
  return dues
    .filter((d) => d.status !== 'upcoming')
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.code.localeCompare(b.code));
}

export async function followUpsDue(deps: Pick<Deps, 'db'>, input: { managerId: string; today: LocalDate; policy: FollowUpPolicy; page: PageRequest }): Promise<SectionPage<CustomerDue>> {
  const dues = await customerDues(deps.db, { accountManagerId: input.managerId, status: 'active' }, input.today, input.policy);
  return pageOf(pressingDues(dues), input.page);
}

/** Requests still waiting for an answer that the manager opened, handles, or that are about their customers. */
export async function openRequestsOf(deps: Pick<Deps, 'db'>, input: { staffId: string; page: PageRequest }) {
  const where = {
    status: { in: ['open' as const, 'accepted' as const] },
    OR: [{ openedById: input.staffId }, { handlerId: input.staffId }, { customerCode: { in: await customerCodesOf(deps, input.staffId) } }],
  };
  return pageFromDb(
    input.page,
    () => deps.db.xregionRequest.count({ where }),
    (skip, take) =>
      deps.db.xregionRequest.findMany({
        where,
        orderBy: [{ replyDeadline: 'asc' }, { number: 'asc' }],
        skip,
        take,
        include: { acceptanceForms: { orderBy: { version: 'desc' }, take: 1, select: { memberName: true, service: true } } },
      }),
  );
}

export type OpenRequest = Awaited<ReturnType<typeof openRequestsOf>>['items'][number];

/** "Considering" cases still open, the soonest follow-up first. */
export async function consideringCases(deps: Pick<Deps, 'db'>, input: { managerId: string; page: PageRequest }) {
  const where = { managerId: input.managerId, outcome: 'considering' as const, status: { not: 'closed' as const } };
  const page = await pageFromDb(
    input.page,
    () => deps.db.retentionCase.count({ where }),
    (skip, take) => deps.db.retentionCase.findMany({ where, orderBy: [{ followUpOn: 'asc' }, { id: 'asc' }], skip, take }),
  );
  const customers = await deps.db.customer.findMany({ where: { code: { in: page.items.map((c) => c.customerCode) } }, select: { code: true, name: true } });
  const names = new Map(customers.map((c) => [c.code, c.name]));
  return { ...page, items: page.items.map((c) => ({ ...c, customerName: names.get(c.customerCode) ?? c.customerCode })) };
}

export type ConsideringCase = Awaited<ReturnType<typeof consideringCases>>['items'][number];

async function customerCodesOf(deps: Pick<Deps, 'db'>, managerId: string): Promise<string[]> {
  const customers = await deps.db.customer.findMany({ where: { accountManagerId: managerId }, select: { code: true } });
  return customers.map((c) => c.code);
}

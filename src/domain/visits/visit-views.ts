// How visits are read back: `/visit list` (mine, a customer's, a manager's, over a
// period) and `/visit history CUSTOMER` (paged, newest first). Plain data out.
import { DomainError } from '../../errors.ts';
import type { Prisma } from '../../db/client.ts';
import type { Deps } from '../deps.ts';
import { requireStaff, type StaffMember } from '../directory/find-staff.ts';
import { instantAt, addDays } from '../local-time.ts';
import { canOverseeManager } from './customer-access.ts';
import { resolveCustomer } from './find-customers.ts';
import { nextContactDue, type FollowUpPolicy, type NextContact } from './follow-up-policy.ts';
import { customerTimeZone, followUpCalendar, followUpFactsOf } from './follow-up-state.ts';
import type { Period } from './visit-period.ts';

const visitSelect = {
  id: true,
  kind: true,
  purposes: true,
  occurredAt: true,
  metWith: true,
  summary: true,
  satisfaction: true,
  nextFollowUpOn: true,
  version: true,
  authorId: true,
  author: { select: { name: true } },
  customer: { select: { code: true, name: true } },
} satisfies Prisma.VisitSelect;

export type VisitSummary = Prisma.VisitGetPayload<{ select: typeof visitSelect }>;

export type ListScope = { kind: 'mine' } | { kind: 'customer'; query: string } | { kind: 'manager'; managerId: string };

export type VisitList = {
  scope: { kind: 'mine' } | { kind: 'customer'; code: string; name: string } | { kind: 'manager'; managerId: string; name: string };
  period: Period;
  visits: VisitSummary[];
  total: number;
};

export async function listVisits(
  deps: Pick<Deps, 'db'>,
  input: { actorId: string; scope: ListScope; period: Period; timeZone: string; limit: number },
): Promise<VisitList> {
  const staff = await requireStaff(deps, input.actorId);
  const { where, scope } = await scopeFilter(deps, staff, input.scope);
  const occurredAt = { gte: instantAt(input.period.from, '00:00', input.timeZone), lt: instantAt(addDays(input.period.to, 1), '00:00', input.timeZone) };
  const filter = { ...where, occurredAt };
  const [visits, total] = await Promise.all([
    deps.db.visit.findMany({ where: filter, select: visitSelect, orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }], take: input.limit }),
    deps.db.visit.count({ where: filter }),
  ]);
  return { scope, period: input.period, visits, total };
}

async function scopeFilter(deps: Pick<Deps, 'db'>, staff: StaffMember, scope: ListScope) {
  if (scope.kind === 'mine') return { where: { authorId: staff.slackUserId }, scope: { kind: 'mine' as const } };
  if (scope.kind === 'customer') {
    const customer = await resolveCustomer(deps, staff, scope.query);
    return { where: { customerCode: customer.code }, scope: { kind: 'customer' as const, code: customer.code, name: customer.name } };
  }
  const manager = await deps.db.staff.findUnique({ where: { slackUserId: scope.managerId } });
  if (!manager) throw new DomainError('visit_unknown_manager', { userId: scope.managerId });
  if (!canOverseeManager(staff, manager)) throw new DomainError('visit_list_not_allowed');
  return { where: { authorId: manager.slackUserId }, scope: { kind: 'manager' as const, managerId: manager.slackUserId, name: manager.name } };
}

export type VisitHistory = {
  customer: { code: string; name: string };
  /** When the customer should next be contacted, by the follow-up policy. */
  nextContact: NextContact;
  visits: VisitSummary[];
  page: number;
  pageCount: number;
  total: number;
};

export const historyPageSize = 10;

/** One page (0 = newest) of a customer's visits, newest first. */
export async function visitHistory(
  deps: Pick<Deps, 'db'>,
  input: { actorId: string; customer: string; page: number; policy: FollowUpPolicy },
): Promise<VisitHistory> {
  const staff = await requireStaff(deps, input.actorId);
  const customer = await resolveCustomer(deps, staff, input.customer);
  const followUp = await deps.db.customerFollowUp.findUnique({ where: { customerCode: customer.code } });
  const manager = customer.accountManagerId ? await deps.db.staff.findUnique({ where: { slackUserId: customer.accountManagerId }, select: { timezone: true } }) : null;
  const facts = followUpFactsOf(customer, followUp, customerTimeZone({ accountManager: manager }, input.policy.timeZone));
  const unmoved = nextContactDue(facts, input.policy);
  const nextContact = nextContactDue(facts, input.policy, await followUpCalendar(deps.db, input.policy, unmoved.dueOn));
  const total = await deps.db.visit.count({ where: { customerCode: customer.code } });
  const pageCount = Math.max(1, Math.ceil(total / historyPageSize));
  const page = Math.min(Math.max(0, input.page), pageCount - 1);
  const visits = await deps.db.visit.findMany({
    where: { customerCode: customer.code },
    select: visitSelect,
    orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
    skip: page * historyPageSize,
    take: historyPageSize,
  });
  return { customer: { code: customer.code, name: customer.name }, nextContact, visits, page, pageCount, total };
}

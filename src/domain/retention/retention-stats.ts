// `/retain stats [YYYY-MM]`: the month's retention cases and the churn figures, for the
// user's own customers or, for a supervisor, the region (an admin sees every region).
// Months are calendar months in the bot's time zone; the current month counts so far.
import { Prisma } from '../../db/client.ts';
import { DomainError } from '../../errors.ts';
import type { Deps } from '../deps.ts';
import { requireStaff, type StaffMember } from '../directory/find-staff.ts';
import { averageCustomers, churnRate, lostCauses, rankReasons, retentionRate } from './churn-figures.ts';
import { localDateOf, localMonthOf, monthBounds } from '../local-time.ts';

export type RetentionScope = { kind: 'manager'; managerId: string } | { kind: 'region'; regionCode: string } | { kind: 'all' };

export function statsScopeOf(staff: StaffMember): RetentionScope {
  if (staff.role === 'admin') return { kind: 'all' };
  if (staff.role === 'supervisor' && staff.regionCode) return { kind: 'region', regionCode: staff.regionCode };
  return { kind: 'manager', managerId: staff.slackUserId };
}

function customerScope(scope: RetentionScope): Prisma.Sql {
  if (scope.kind === 'manager') return Prisma.sql`c.account_manager_id = ${scope.managerId}`;
  if (scope.kind === 'region') return Prisma.sql`c.region_code = ${scope.regionCode}`;
  return Prisma.sql`TRUE`;
}

/** Customers on the books at `instant`: joined by then, and not churned as of then. */
export async function countCustomerBase(deps: Pick<Deps, 'db'>, scope: RetentionScope, instant: Date, timezone: string): Promise<number> {
  const lastDay = localDateOf(new Date(instant.getTime() - 1), timezone);
  const [row] = await deps.db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM customers c
    WHERE ${customerScope(scope)}
      AND (c.joined_on IS NULL OR c.joined_on <= ${lastDay}::date)
      AND COALESCE((SELECT s.status::text FROM customer_status_changes s
                    WHERE s.customer_code = c.code AND s.at < ${instant}
                    ORDER BY s.at DESC, s.id DESC LIMIT 1), 'active') = 'active'`;
  return row?.n ?? 0;
}

/** Customers lost in [start, end): churned by a booked cancellation or for arrears. */
export async function countLostCustomers(deps: Pick<Deps, 'db'>, scope: RetentionScope, start: Date, end: Date): Promise<number> {
  const [row] = await deps.db.$queryRaw<{ n: number }[]>`
    SELECT count(DISTINCT s.customer_code)::int AS n
    FROM customer_status_changes s JOIN customers c ON c.code = s.customer_code
    WHERE ${customerScope(scope)} AND s.status = 'churned' AND s.at >= ${start} AND s.at < ${end}
      AND s.cause::text IN (${Prisma.join([...lostCauses])})`;
  return row?.n ?? 0;
}

export async function retentionStats(deps: Deps, input: { actorId: string; month?: string; timezone: string }) {
  const staff = await requireStaff(deps, input.actorId);
  // A field engineer has no customers of their own: zeros under "your customers" would mislead.
  if (staff.role === 'field_engineer') throw new DomainError('retention_stats_not_for_role');
  const month = input.month ?? localMonthOf(deps.clock.now(), input.timezone);
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new DomainError('retention_bad_month', { value: month });
  const figures = await retentionFigures(deps, { scope: statsScopeOf(staff), month, timezone: input.timezone });
  return { ...figures, regionName: staff.region?.name ?? null };
}

export type RetentionStats = Awaited<ReturnType<typeof retentionStats>>;

/**
 * The month's retention cases and churn figures for a scope, by the domain formulas;
 * `/retain stats` and the monthly report both read them from here.
 */
export async function retentionFigures(deps: Deps, input: { scope: RetentionScope; month: string; timezone: string }) {
  const { scope, month } = input;
  const now = deps.clock.now();
  const { start, end } = monthBounds(month, input.timezone);
  // The current month counts up to and including this instant.
  const asOf = end <= now ? end : new Date(now.getTime() + 1);

  const caseWhere: Prisma.RetentionCaseWhereInput = {
    openedAt: { gte: start, lt: end },
    ...(scope.kind === 'region' ? { regionCode: scope.regionCode } : {}),
    ...(scope.kind === 'manager'
      ? { customerCode: { in: (await deps.db.customer.findMany({ where: { accountManagerId: scope.managerId }, select: { code: true } })).map((c) => c.code) } }
      : {}),
  };
  const cases = await deps.db.retentionCase.findMany({ where: caseWhere, select: { status: true, outcome: true, reasons: true } });
  const count = (test: (c: (typeof cases)[number]) => boolean) => cases.filter(test).length;
  const retained = count((c) => c.outcome === 'retained');
  const churned = count((c) => c.outcome === 'churned');

  const [customersEndOfLastMonth, customersThisMonth, lost] = start > now
    ? [0, 0, 0]
    : await Promise.all([
        countCustomerBase(deps, scope, start, input.timezone),
        countCustomerBase(deps, scope, asOf, input.timezone),
        countLostCustomers(deps, scope, start, asOf),
      ]);

  return {
    month,
    scope,
    monthComplete: end <= now,
    cases: cases.length,
    retained,
    considering: count((c) => c.outcome === 'considering' && c.status !== 'closed'),
    churned,
    pendingApproval: count((c) => c.status === 'pending_approval'),
    withoutOutcome: count((c) => c.outcome === null && c.status === 'open'),
    retentionRate: retentionRate(retained, churned),
    reasons: rankReasons(cases.map((c) => c.reasons)),
    customersEndOfLastMonth,
    customersThisMonth,
    averageCustomers: averageCustomers(customersEndOfLastMonth, customersThisMonth),
    lost,
    churnRate: churnRate(lost, customersEndOfLastMonth),
  };
}

export type RetentionFigures = Awaited<ReturnType<typeof retentionFigures>>;

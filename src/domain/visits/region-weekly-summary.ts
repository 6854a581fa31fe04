// A supervisor's Monday summary of their region for the week just ended: visits per
// account manager, overdue follow-ups, and new customers past their first-callback
// deadline.
import type { Deps } from '../deps.ts';
import { addDays, instantAt, type LocalDate } from '../local-time.ts';
import { customerDues, type CustomerDue } from './customer-dues.ts';
import type { FollowUpPolicy } from './follow-up-policy.ts';

export type ManagerWeek = { managerId: string; name: string; visits: number; overdue: number };

export type RegionWeeklySummary = {
  regionCode: string;
  regionName: string;
  today: LocalDate;
  weekFrom: LocalDate;
  weekTo: LocalDate;
  managers: ManagerWeek[];
  overdueTotal: number;
  lateNewCustomers: CustomerDue[];
};

export async function buildRegionWeeklySummary(
  deps: Pick<Deps, 'db'>,
  input: { regionCode: string; today: LocalDate; timeZone: string; policy: FollowUpPolicy },
): Promise<RegionWeeklySummary> {
  const region = await deps.db.region.findUniqueOrThrow({ where: { code: input.regionCode } });
  const weekFrom = addDays(input.today, -7);
  const weekTo = addDays(input.today, -1);
  const [managers, dues] = await Promise.all([
    deps.db.staff.findMany({ where: { regionCode: region.code, role: 'account_manager', active: true }, orderBy: { name: 'asc' } }),
    customerDues(deps.db, { regionCode: region.code }, input.today, input.policy),
  ]);
  const visits = await deps.db.visit.groupBy({
    by: ['authorId'],
    where: {
      authorId: { in: managers.map((m) => m.slackUserId) },
      occurredAt: { gte: instantAt(weekFrom, '00:00', input.timeZone), lt: instantAt(input.today, '00:00', input.timeZone) },
    },
    _count: { _all: true },
  });
  const overdue = dues.filter((d) => d.status === 'overdue');
  return {
    regionCode: region.code,
    regionName: region.name,
    today: input.today,
    weekFrom,
    weekTo,
    managers: managers.map((m) => ({
      managerId: m.slackUserId,
      name: m.name,
      visits: visits.find((v) => v.authorId === m.slackUserId)?._count._all ?? 0,
      overdue: overdue.filter((d) => d.accountManagerId === m.slackUserId).length,
    })),
    overdueTotal: overdue.length,
    lateNewCustomers: dues.filter((d) => d.firstCallback && d.firstCallback.dueOn < input.today),
  };
}

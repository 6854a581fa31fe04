// Visits of a region's customers in a month: per account manager (split by kind, for the
// chart) and per customer tier (how many of the tier's customers were reached).
import type { VisitKind } from '../../generated/prisma/enums.ts';
import type { Deps } from '../deps.ts';
import { fromDbDate, type LocalDate } from '../local-time.ts';
import { cadenceKeyOf, cadenceKeys, type CadenceKey } from '../visits/follow-up-policy.ts';

export const visitKinds = ['on_site', 'phone', 'callback_survey', 'club_event'] as const satisfies readonly VisitKind[];

export type ManagerVisits = { staffId: string; name: string; visits: number; byKind: Record<VisitKind, number>; customersVisited: number };
export type TierVisits = { tier: CadenceKey; customers: number; customersVisited: number; visits: number };
export type VisitFigures = { total: number; byManager: ManagerVisits[]; byTier: TierVisits[] };

const noKinds = (): Record<VisitKind, number> => ({ on_site: 0, phone: 0, callback_survey: 0, club_event: 0 });

export async function visitFigures(deps: Pick<Deps, 'db'>, input: { regionCode: string; start: Date; end: Date; lastDay: LocalDate }): Promise<VisitFigures> {
  const [visits, managers, customers] = await Promise.all([
    deps.db.visit.findMany({
      where: { occurredAt: { gte: input.start, lt: input.end }, customer: { regionCode: input.regionCode } },
      select: { authorId: true, kind: true, customerCode: true, author: { select: { name: true } } },
    }),
    deps.db.staff.findMany({ where: { regionCode: input.regionCode, role: 'account_manager', active: true }, select: { slackUserId: true, name: true } }),
    deps.db.customer.findMany({ where: { regionCode: input.regionCode }, select: { code: true, kind: true, cardTier: true, serviceLevel: true, status: true, joinedOn: true, churnedAt: true } }),
  ]);

  // Every active manager of the region appears, with zero if they logged nothing; anyone
  // else who visited the region's customers (a supervisor, a colleague standing in) too.
  const byStaff = new Map<string, ManagerVisits & { customers: Set<string> }>();
  const row = (staffId: string, name: string) => {
    let entry = byStaff.get(staffId);
    if (!entry) byStaff.set(staffId, (entry = { staffId, name, visits: 0, byKind: noKinds(), customersVisited: 0, customers: new Set() }));
    return entry;
  };
  for (const manager of managers) row(manager.slackUserId, manager.name);
  for (const visit of visits) {
    const entry = row(visit.authorId, visit.author.name);
    entry.visits++;
    entry.byKind[visit.kind]++;
    entry.customers.add(visit.customerCode);
  }
  const byManager = [...byStaff.values()]
    .map(({ customers: visited, ...entry }) => ({ ...entry, customersVisited: visited.size }))
    .sort((a, b) => b.visits - a.visits || a.staffId.localeCompare(b.staffId));

  const tierOf = new Map(customers.map((c) => [c.code, cadenceKeyOf(c)]));
  const byTier = cadenceKeys
    .map((tier) => {
      const inTier = customers.filter((c) => tierOf.get(c.code) === tier && servedInMonth(c, input));
      const tierVisits = visits.filter((v) => tierOf.get(v.customerCode) === tier);
      return {
        tier,
        customers: inTier.length,
        customersVisited: new Set(tierVisits.map((v) => v.customerCode)).size,
        visits: tierVisits.length,
      };
    })
    .filter((t) => t.customers > 0 || t.visits > 0);

  return { total: visits.length, byManager, byTier };
}

/** The tier's customer base of the month: joined by its last day, and not churned before it began. */
function servedInMonth(customer: { joinedOn: Date | null; status: string; churnedAt: Date | null }, month: { start: Date; lastDay: LocalDate }): boolean {
  const joinedOn = fromDbDate(customer.joinedOn);
  if (joinedOn && joinedOn > month.lastDay) return false;
  return customer.status === 'active' || !customer.churnedAt || customer.churnedAt >= month.start;
}

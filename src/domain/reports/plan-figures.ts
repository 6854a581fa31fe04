// Club activity plans of a region whose event falls in the month, with where each stands
// (pending, approved, rejected, expired, reported) and, once reported, how it went.
import type { Deps } from '../deps.ts';
import { fromDbDate, localDateOf, toDbDate, type LocalDate } from '../local-time.ts';

export type PlanFigure = {
  id: bigint;
  theme: string;
  eventOn: LocalDate;
  status: string;
  places: number;
  budgetYuan: number;
  attendance: number | null;
  satisfaction: number | null;
  /** Reported after the report's due day (end of day in the bot's time zone). */
  reportedLate: boolean;
};

export async function planFigures(deps: Deps, input: { regionCode: string; start: Date; end: Date; timeZone: string }): Promise<PlanFigure[]> {
  const first = localDateOf(input.start, input.timeZone);
  const next = localDateOf(input.end, input.timeZone);
  const plans = await deps.db.activityPlan.findMany({
    where: { regionCode: input.regionCode, eventOn: { gte: toDbDate(first), lt: toDbDate(next) } },
    orderBy: [{ eventOn: 'asc' }, { id: 'asc' }],
  });
  return plans.map((p) => ({
    id: p.id,
    theme: p.theme,
    eventOn: fromDbDate(p.eventOn),
    status: p.status,
    places: p.places,
    budgetYuan: p.budgetYuan,
    attendance: p.attendance,
    satisfaction: p.satisfaction,
    reportedLate: p.reportedAt !== null && p.reportDueOn !== null && localDateOf(p.reportedAt, input.timeZone) > fromDbDate(p.reportDueOn),
  }));
}

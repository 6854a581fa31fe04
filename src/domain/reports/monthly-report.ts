// The 服务维系月分析报告 of one region and month: visits, SLA compliance of fault
// tickets, care callbacks after faults, cross-region requests, retention and churn (by the formulas in
// retention/churn-figures.ts). Plain figures;
// src/slack/reports renders them as a message, a chart and a CSV.
import { DomainError } from '../../errors.ts';
import type { Deps } from '../deps.ts';
import { retentionFigures, type RetentionFigures } from '../retention/retention-stats.ts';
import { localDateOf, monthBounds } from '../local-time.ts';
import { slaFigures, type SlaFigures } from './sla-figures.ts';
import { visitFigures, type VisitFigures } from './visit-figures.ts';
import { xregionFigures, type XregionFigures } from './xregion-figures.ts';
import { liveTrackingFigures, type LiveTrackingFigures } from './live-tracking-figures.ts';
import { careFigures, type CareFigures } from './care-figures.ts';
import { planFigures, type PlanFigure } from './plan-figures.ts';
import { visitTimeByManager, type ManagerVisitTime } from '../visits/visit-check-in.ts';

export type MonthlyReport = {
  region: { code: string; name: string };
  month: string;
  /** False while the month is still running (an on-demand report of the current month). */
  monthComplete: boolean;
  timeZone: string;
  visits: VisitFigures;
  sla: SlaFigures;
  xregion: XregionFigures;
  retention: RetentionFigures;
  /** Live-tracked tickets (介入制) and the longest silence of each. */
  liveTracking?: LiveTrackingFigures;
  /** Care callbacks after faults: done in time, and the satisfaction split. */
  care: CareFigures;
  /** Club activity plans whose event is in the month, and their outcome. */
  plans: PlanFigure[];
  /** Time at customers per person (Start visit / End visit); absent in reports built before it existed. */
  visitTime?: ManagerVisitTime[];
};

export async function buildMonthlyReport(deps: Deps, input: { regionCode: string; month: string; timeZone: string }): Promise<MonthlyReport> {
  const region = await deps.db.region.findUnique({ where: { code: input.regionCode } });
  if (!region) throw new DomainError('report_unknown_region', { value: input.regionCode });
  const { start, end } = monthBounds(input.month, input.timeZone);
  const range = { regionCode: region.code, start, end };
  const [visits, sla, xregion, retention, liveTracking, care, plans, visitTime] = await Promise.all([
    visitFigures(deps, { ...range, lastDay: localDateOf(new Date(end.getTime() - 1), input.timeZone) }),
    slaFigures(deps, range),
    xregionFigures(deps, range),
    retentionFigures(deps, { scope: { kind: 'region', regionCode: region.code }, month: input.month, timezone: input.timeZone }),
    liveTrackingFigures(deps, range),
    careFigures(deps, range),
    planFigures(deps, { ...range, timeZone: input.timeZone }),
    visitTimeByManager(deps, range),
  ]);
  return {
    region: { code: region.code, name: region.name },
    month: input.month,
    monthComplete: end <= deps.clock.now(),
    timeZone: input.timeZone,
    visits,
    sla,
    xregion,
    retention,
    liveTracking,
    care,
    plans,
    visitTime,
  };
}

// The monthly report as a message anyone can read in the channel: one section per
// area, figures in sentences, the domain formulas spelled out under them.
import type { AnyBlock } from '@slack/types';
import type { MonthlyReport } from '../../domain/reports/monthly-report.ts';
import type { LiveTrackingFigures } from '../../domain/reports/live-tracking-figures.ts';
import { t, tPlain, type Locale, type Mrkdwn } from '../../i18n/catalog.ts';
import type { Reply } from '../edge/answer-privately.ts';
import { joinMrkdwn, md } from '../kit/mrkdwn.ts';
import { context, divider, header, section } from '../kit/text.ts';

export const oneDecimal = (value: number | null) => (value === null ? '—' : (Math.round(value * 10) / 10).toFixed(1));
const percent = (value: number | null) => (value === null ? '—' : `${oneDecimal(value)}%`);
const count = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));

/** The report's title, as text (a header, a file title). */
export function reportTitle(locale: Locale, report: MonthlyReport): string {
  return tPlain(locale, 'report.title', { region: report.region.name, month: report.month });
}

export function monthlyReportMessage(locale: Locale, report: MonthlyReport): Reply {
  const title = reportTitle(locale, report);
  const period = t(locale, report.monthComplete ? 'report.period_complete' : 'report.period_so_far', { month: report.month, timezone: report.timeZone });
  const lines = (shown: Mrkdwn[]) => section(joinMrkdwn(shown, '\n'));
  const blocks: AnyBlock[] = [header(title), context(period), lines(visitLines(locale, report))];
  if (report.visits.byTier.length > 0) blocks.push(lines(tierLines(locale, report)));
  if (report.visitTime?.length) blocks.push(lines(visitTimeLines(locale, report.visitTime)));
  blocks.push(lines(slaLines(locale, report)));
  if (report.sla.worstBreaches.length > 0) blocks.push(lines(breachLines(locale, report)));
  if (report.liveTracking?.tickets.length) blocks.push(lines(liveSilenceLines(locale, report.liveTracking)));
  blocks.push(lines(careLines(locale, report)));
  blocks.push(lines(xregionLines(locale, report)), lines(retentionLines(locale, report)), lines(planLines(locale, report)));
  blocks.push(divider(), context(t(locale, 'retention.stats_formulas')));
  const { visits, retention } = report;
  const summary = joinMrkdwn([t(locale, 'report.visits_heading', { total: visits.total }), t(locale, 'retention.stats_churn', { lost: retention.lost, rate: percent(retention.churnRate) })], ' · ');
  return { text: joinMrkdwn([md`${title}`, summary], ' — '), blocks };
}

function visitLines(locale: Locale, report: MonthlyReport): Mrkdwn[] {
  const { visits } = report;
  const lines = visits.byManager.map((m) => t(locale, 'report.visits_manager', { name: m.name, visits: m.visits, customers: m.customersVisited }));
  return [t(locale, 'report.visits_heading', { total: visits.total }), ...(lines.length > 0 ? lines : [t(locale, 'report.visits_none')])];
}

function visitTimeLines(locale: Locale, rows: NonNullable<MonthlyReport['visitTime']>): Mrkdwn[] {
  return [t(locale, 'report.visit_time_heading'), ...rows.map((m) => t(locale, 'report.visit_time_manager', { name: m.name, minutes: m.minutes, visits: m.visits }))];
}

function tierLines(locale: Locale, report: MonthlyReport): Mrkdwn[] {
  return report.visits.byTier.map((tier) =>
    t(locale, 'report.visits_tier', { tier: tPlain(locale, `report.tier.${tier.tier}`), visits: tier.visits, visited: tier.customersVisited, customers: tier.customers }),
  );
}

function slaLines(locale: Locale, report: MonthlyReport): Mrkdwn[] {
  const sla = report.sla;
  const heading = t(locale, 'report.sla_heading', { inTime: sla.inTime, decided: sla.decided, share: percent(sla.share), running: sla.stillRunning });
  const groups = sla.groups.map((g) =>
    t(locale, 'report.sla_group', { level: g.serviceLevel, scope: tPlain(locale, `ticket.scope.${g.scope}`), inTime: g.inTime, decided: g.decided, share: percent(g.share) }),
  );
  return [heading, ...(groups.length > 0 ? groups : [t(locale, 'report.sla_none')])];
}

function breachLines(locale: Locale, report: MonthlyReport): Mrkdwn[] {
  return [
    t(locale, 'report.sla_worst'),
    ...report.sla.worstBreaches.map((b) =>
      t(locale, 'report.sla_breach', {
        number: b.number,
        customer: b.customerName,
        level: b.serviceLevel,
        scope: tPlain(locale, `ticket.scope.${b.scope}`),
        overrun: b.overrunMinutes,
        open: b.restored ? '' : tPlain(locale, 'report.sla_breach_open'),
      }),
    ),
  ];
}

function careLines(locale: Locale, report: MonthlyReport): Mrkdwn[] {
  const c = report.care;
  if (c.owed === 0) return [t(locale, 'report.care_heading'), t(locale, 'report.care_none')];
  return [
    t(locale, 'report.care_heading'),
    t(locale, 'report.care_counts', { owed: c.owed, inTime: c.doneInTime, late: c.late, open: c.open }),
    t(locale, 'report.care_satisfaction', { satisfied: c.satisfied, neutral: c.neutral, dissatisfied: c.dissatisfied }),
  ];
}

function planLines(locale: Locale, report: MonthlyReport): Mrkdwn[] {
  // At most ten lines: a region with more plans still fits one section.
  const shown = report.plans.slice(0, 10).map((p) =>
    t(locale, p.status === 'reported' ? 'report.plan_reported' : 'report.plan_line', {
      id: String(p.id),
      theme: p.theme,
      eventOn: p.eventOn,
      status: tPlain(locale, `report.plan_status.${p.status as 'pending' | 'approved' | 'rejected' | 'expired' | 'reported'}`),
      attendance: p.attendance ?? 0,
      places: p.places,
      satisfaction: p.satisfaction ?? 0,
      late: p.reportedLate ? tPlain(locale, 'report.plan_late') : '',
    }),
  );
  const rest = report.plans.length - shown.length;
  return [
    t(locale, 'report.plans_heading'),
    ...(shown.length > 0 ? shown : [t(locale, 'report.plans_none')]),
    ...(rest > 0 ? [t(locale, 'common.and_more', { count: rest })] : []),
  ];
}

function xregionLines(locale: Locale, report: MonthlyReport): Mrkdwn[] {
  const x = report.xregion;
  return [
    t(locale, 'report.xregion_heading'),
    t(locale, 'report.xregion_counts', { received: x.received, replied: x.replied, rejected: x.rejected, unanswered: x.unanswered }),
    t(locale, 'report.xregion_times', { inTime: x.answeredInTime, late: x.late, average: oneDecimal(x.averageReplyHours), longest: oneDecimal(x.longestReplyHours) }),
    t(locale, 'report.xregion_served', { served: x.served }),
  ];
}

function retentionLines(locale: Locale, report: MonthlyReport): Mrkdwn[] {
  const r = report.retention;
  return [
    t(locale, 'report.retention_heading'),
    t(locale, 'retention.stats_cases', { cases: r.cases, retained: r.retained, considering: r.considering, churned: r.churned, pending: r.pendingApproval, open: r.withoutOutcome }),
    t(locale, 'retention.stats_retention_rate', { rate: percent(r.retentionRate) }),
    t(locale, 'retention.stats_customers', { last: r.customersEndOfLastMonth, current: r.customersThisMonth, average: count(r.averageCustomers) }),
    t(locale, 'retention.stats_churn', { lost: r.lost, rate: percent(r.churnRate) }),
  ];
}

/** Live tracking (介入制): the longest time each tracked customer went without news. */
function liveSilenceLines(locale: Locale, figures: LiveTrackingFigures): Mrkdwn[] {
  return [
    t(locale, 'report.live_heading'),
    ...figures.tickets.map((s) =>
      t(locale, 'report.live_silence', { number: s.number, customer: s.customerName, minutes: s.longestSilenceMinutes, informed: s.informed, open: s.stillOpen ? tPlain(locale, 'report.sla_breach_open') : '' }),
    ),
  ];
}

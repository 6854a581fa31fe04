// The report's two attachments: a chart (visits per manager, one bar per kind of visit)
// and the figures as a CSV table a spreadsheet opens, one figure per row (names that a
// spreadsheet would run as a formula are neutralised, as in the cross-region export).
import type { MonthlyReport } from '../../domain/reports/monthly-report.ts';
import { visitKinds } from '../../domain/reports/visit-figures.ts';
import { roundPercent } from '../../domain/retention/churn-figures.ts';
import { tPlain, type Locale, type MessageKey } from '../../i18n/catalog.ts';
import { renderBarChartPng } from './render-chart-png.ts';
import { renderCsv, type CsvCell } from '../kit/render-csv.ts';
import { neutraliseFormula } from '../xregion/xregion-forms-csv.ts';
import type { FileUpload } from '../sender.ts';

export function monthlyReportChart(locale: Locale, report: MonthlyReport): Promise<Buffer> {
  const managers = report.visits.byManager;
  return renderBarChartPng({
    title: tPlain(locale, 'report.chart_title', { region: report.region.name, month: report.month }),
    categories: managers.map((m) => m.name),
    series: visitKinds.map((kind) => ({ name: tPlain(locale, `visit.kind.${kind}`), values: managers.map((m) => m.byKind[kind]) })),
    unit: tPlain(locale, 'report.chart_unit'),
  });
}

export type ReportCsvRow = { section: string; item: string; measure: string; value: CsvCell };

const oneDecimal = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

export function monthlyReportCsvRows(locale: Locale, report: MonthlyReport): ReportCsvRow[] {
  const label = (key: string) => tPlain(locale, `report.csv.${key}` as MessageKey);
  const rows: ReportCsvRow[] = [];
  const add = (section: string, item: string, measure: string, value: CsvCell) => rows.push({ section: label(section), item: neutraliseFormula(item), measure: label(measure), value });
  for (const m of report.visits.byManager) {
    add('section_visits_manager', m.name, 'visits', m.visits);
    add('section_visits_manager', m.name, 'customers_reached', m.customersVisited);
  }
  for (const tier of report.visits.byTier) {
    const item = tPlain(locale, `report.tier.${tier.tier}`);
    add('section_visits_tier', item, 'visits', tier.visits);
    add('section_visits_tier', item, 'customers_reached', tier.customersVisited);
    add('section_visits_tier', item, 'customers', tier.customers);
  }
  const region = report.region.name;
  for (const g of report.sla.groups) {
    const item = `${g.serviceLevel} ${tPlain(locale, `ticket.scope.${g.scope}`)}`;
    add('section_sla', item, 'tickets_decided', g.decided);
    add('section_sla', item, 'tickets_in_time', g.inTime);
    add('section_sla', item, 'sla_share', oneDecimal(g.share));
  }
  add('section_sla', region, 'tickets_decided', report.sla.decided);
  add('section_sla', region, 'tickets_in_time', report.sla.inTime);
  add('section_sla', region, 'sla_share', oneDecimal(report.sla.share));
  for (const b of report.sla.worstBreaches) add('section_sla_breaches', `${b.number} ${b.customerName}`, 'overrun_minutes', b.overrunMinutes);
  const x = report.xregion;
  for (const [measure, value] of [
    ['received', x.received],
    ['replied', x.replied],
    ['rejected', x.rejected],
    ['unanswered', x.unanswered],
    ['answered_in_time', x.answeredInTime],
    ['late', x.late],
    ['average_reply_hours', oneDecimal(x.averageReplyHours)],
    ['longest_reply_hours', oneDecimal(x.longestReplyHours)],
    ['served', x.served],
  ] as const) add('section_xregion', region, measure, value);
  const r = report.retention;
  for (const [measure, value] of [
    ['cases', r.cases],
    ['retained', r.retained],
    ['considering', r.considering],
    ['churned', r.churned],
    ['retention_rate', roundPercent(r.retentionRate)],
    ['customers_end_of_last_month', r.customersEndOfLastMonth],
    ['customers_this_month', r.customersThisMonth],
    ['average_customers', r.averageCustomers],
    ['lost', r.lost],
    ['churn_rate', roundPercent(r.churnRate)],
  ] as const) add('section_retention', region, measure, value);
  const c = report.care;
  for (const [measure, value] of [
    ['care_owed', c.owed],
    ['care_in_time', c.doneInTime],
    ['care_late', c.late],
    ['care_open', c.open],
    ['care_satisfied', c.satisfied],
    ['care_neutral', c.neutral],
    ['care_dissatisfied', c.dissatisfied],
  ] as const) add('section_care', region, measure, value);
  for (const p of report.plans) {
    const item = `P-${p.id} ${p.eventOn} ${p.theme}`;
    add('section_plans', item, 'plan_places', p.places);
    add('section_plans', item, 'plan_budget', p.budgetYuan);
    add('section_plans', item, 'plan_attendance', p.attendance);
    add('section_plans', item, 'plan_satisfaction', p.satisfaction);
  }
  return rows;
}

export function monthlyReportCsv(locale: Locale, report: MonthlyReport): Buffer {
  const columns = (['section', 'item', 'measure', 'value'] as const).map((key) => ({ key, header: tPlain(locale, `report.csv.${key}`) }));
  return renderCsv(columns, monthlyReportCsvRows(locale, report));
}

/** Both files, named after the region and month, ready for an upload. */
export async function monthlyReportFiles(locale: Locale, report: MonthlyReport): Promise<FileUpload['files']> {
  const name = `report-${report.region.code}-${report.month}`;
  const title = tPlain(locale, 'report.title', { region: report.region.name, month: report.month });
  return [
    { filename: `${name}.png`, title, content: await monthlyReportChart(locale, report), altText: tPlain(locale, 'report.chart_title', { region: report.region.name, month: report.month }) },
    { filename: `${name}.csv`, title: `${title} (CSV)`, content: monthlyReportCsv(locale, report) },
  ];
}

// `/retain stats`: the month's cases and churn figures, one short card.
import type { RetentionStats } from '../../domain/retention/retention-stats.ts';
import { t, tPlain, type Locale } from '../../i18n/catalog.ts';
import { joinMrkdwn, md } from '../../i18n/mrkdwn.ts';
import type { Reply } from '../edge/answer-privately.ts';
import { context, header, section } from '../kit/text.ts';

const percent = (value: number | null) => (value === null ? '—' : `${(Math.round(value * 10) / 10).toFixed(1)}%`);
const number = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));

export function retentionStatsMessage(locale: Locale, stats: RetentionStats): Reply {
  const scope = stats.scope.kind === 'manager'
    ? t(locale, 'retention.stats_scope_manager')
    : stats.scope.kind === 'region'
      ? t(locale, 'retention.stats_scope_region', { region: stats.regionName ?? stats.scope.regionCode })
      : t(locale, 'retention.stats_scope_all');
  const title = tPlain(locale, 'retention.stats_title', { month: stats.month });
  const reasons = stats.reasons.map((r) => `${tPlain(locale, `retention.reason.${r.reason}`)} ${r.count}`).join(' · ') || '—';
  const lines = [
    t(locale, 'retention.stats_cases', {
      cases: stats.cases,
      retained: stats.retained,
      considering: stats.considering,
      churned: stats.churned,
      pending: stats.pendingApproval,
      open: stats.withoutOutcome,
    }),
    t(locale, 'retention.stats_retention_rate', { rate: percent(stats.retentionRate) }),
    t(locale, 'retention.stats_reasons', { reasons }),
    t(locale, 'retention.stats_customers', { last: stats.customersEndOfLastMonth, current: stats.customersThisMonth, average: number(stats.averageCustomers) }),
    t(locale, 'retention.stats_churn', { lost: stats.lost, rate: percent(stats.churnRate) }),
  ];
  const scopeLine = stats.monthComplete ? scope : joinMrkdwn([scope, t(locale, 'retention.stats_so_far')], ' · ');
  const body = joinMrkdwn(lines, '\n');
  return {
    text: joinMrkdwn([md`${title}`, body], ' — '),
    blocks: [header(title), context(scopeLine), section(body), context(t(locale, 'retention.stats_formulas'))],
  };
}

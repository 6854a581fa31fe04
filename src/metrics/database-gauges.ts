// The backlog gauges read from Postgres at each scrape: how late the timer table is,
// what Slack refused for good, and which open tickets are past their restore deadline.
// and the outbox's backlog. Each is one indexed query.
import type { DatabaseGauge } from './bot-metrics.ts';

export const timerLag: DatabaseGauge = {
  name: 'keyaccount_timer_lag_seconds',
  help: 'Age of the oldest durable timer that is due but not fired yet (0 when none is due)',
  async read({ db, now }) {
    const [row] = await db.$queryRaw<{ oldest: Date | null }[]>`SELECT min(due_at) AS oldest FROM timers WHERE due_at <= ${now}`;
    return row?.oldest ? Math.max(0, (now.getTime() - row.oldest.getTime()) / 1000) : 0;
  },
};

export const timersDue: DatabaseGauge = {
  name: 'keyaccount_timers_due',
  help: 'Durable timers that are due but not fired yet (pings, reminders, digests, reports)',
  async read({ db, now }) {
    return db.timer.count({ where: { dueAt: { lte: now } } });
  },
};

export const deliveryFailures: DatabaseGauge = {
  name: 'keyaccount_delivery_failures_unresolved',
  help: 'Slack deliveries that failed for good (delivery_failures rows not yet resolved)',
  async read({ db }) {
    return db.deliveryFailure.count({ where: { resolved: false } });
  },
};

export const ticketsPastDeadline: DatabaseGauge = {
  name: 'keyaccount_tickets_past_restore_deadline',
  help: 'Open, claimed or on-site tickets past their restore deadline, by region (a paused clock counts at the moment it stopped)',
  labelNames: ['region'],
  async read({ db, now }) {
    // Every region is listed, with 0 when it has none, so an alert sees the series go up.
    const rows = await db.$queryRaw<{ region: string; count: bigint }[]>`
      SELECT r.code AS region, count(t.id) AS count FROM regions r
      LEFT JOIN tickets t ON t.region_code = r.code
        AND t.status IN ('open', 'claimed', 'on_site') AND t.restore_deadline < COALESCE(t.paused_since, ${now})
      GROUP BY r.code`;
    return rows.map((row) => ({ labels: { region: row.region }, value: Number(row.count) }));
  },
};

export const outboxLag: DatabaseGauge = {
  name: 'keyaccount_outbox_lag_seconds',
  help: 'Age of the oldest outbox message (a post, update or DM owed to Slack) that is due but not delivered yet (0 when none)',
  async read({ db, now }) {
    const [row] = await db.$queryRaw<{ oldest: Date | null }[]>`SELECT min(created_at) AS oldest FROM outbox WHERE due_at IS NOT NULL AND due_at <= ${now}`;
    return row?.oldest ? Math.max(0, (now.getTime() - row.oldest.getTime()) / 1000) : 0;
  },
};

export const outboxPending: DatabaseGauge = {
  name: 'keyaccount_outbox_pending',
  help: 'Outbox messages not delivered yet (due now or waiting for a retry)',
  async read({ db }) {
    return db.outboxMessage.count({ where: { dueAt: { not: null } } });
  },
};

export const outboxGivenUp: DatabaseGauge = {
  name: 'keyaccount_outbox_given_up',
  help: 'Outbox messages given up after OUTBOX_GIVE_UP_AFTER_MINUTES (kept 7 days; also listed for the admins)',
  async read({ db }) {
    return db.outboxMessage.count({ where: { outcome: 'gave_up' } });
  },
};

export const databaseGauges: DatabaseGauge[] = [timerLag, timersDue, outboxLag, outboxPending, outboxGivenUp, deliveryFailures, ticketsPastDeadline];

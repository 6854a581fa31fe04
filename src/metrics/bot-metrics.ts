// The bot's Prometheus metrics (prom-client), one registry per running bot. What
// happens in the process (acks, Slack calls, sweeps) is counted as it happens; what
// lives in the database (timer lag, failed deliveries, overdue tickets) is read by a
// query at scrape time, registered with addDatabaseGauge — the extension point for any
// further backlog gauge (e.g. the outbox's oldest undelivered message).
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Clock } from '../clock.ts';
import type { PrismaClient } from '../db/client.ts';
import type { Logger } from '../logger.ts';
import type { SlackCallOutcome } from '../slack/sender.ts';

export type RequestKind = 'command' | 'action' | 'view' | 'options' | 'event' | 'other';
export type SlackClientName = 'sender' | 'listeners';

/** One value, or one per label combination. */
export type GaugeReading = number | { labels: Record<string, string>; value: number }[];

export type DatabaseGauge = {
  /** Prometheus name, e.g. keyaccount_outbox_lag_seconds. */
  name: string;
  help: string;
  labelNames?: string[];
  /** Runs at every scrape, with the bot's database and the bot's clock. */
  read(deps: { db: PrismaClient; now: Date }): Promise<GaugeReading>;
};

// A scrape must not hang on a slow database: a gauge that takes longer is left out of
// that scrape (and counted in keyaccount_metric_read_failures_total).
const readLimitMillis = 2000;

export function createBotMetrics(deps: { db: PrismaClient; clock: Clock; logger: Logger }) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const ackSeconds = new Histogram({
    name: 'keyaccount_slack_ack_seconds',
    help: 'Time from receiving a Slack request (HTTP or Socket Mode) to acknowledging it, by kind',
    labelNames: ['kind'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5],
    registers: [registry],
  });
  const slackCalls = new Counter({
    name: 'keyaccount_slack_api_calls_total',
    help: 'Slack Web API calls (each attempt), by client, method and outcome (ok, rate_limited, server_error, network, permanent)',
    labelNames: ['client', 'method', 'outcome'],
    registers: [registry],
  });
  const sweepSeconds = new Histogram({
    name: 'keyaccount_sweep_duration_seconds',
    help: 'Duration of each run of the durable timer sweep',
    labelNames: ['outcome'],
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
    registers: [registry],
  });
  const lastSweep = new Gauge({
    name: 'keyaccount_sweep_last_success_timestamp_seconds',
    help: 'When the timer sweep last finished without an error (Unix time)',
    registers: [registry],
  });
  const readFailures = new Counter({
    name: 'keyaccount_metric_read_failures_total',
    help: 'Scrape-time database gauges that failed or took too long, by gauge',
    labelNames: ['gauge'],
    registers: [registry],
  });

  const databaseGauges: { definition: DatabaseGauge; gauge: Gauge }[] = [];

  function addDatabaseGauge(definition: DatabaseGauge): void {
    const gauge = new Gauge({ name: definition.name, help: definition.help, labelNames: definition.labelNames ?? [], registers: [registry] });
    databaseGauges.push({ definition, gauge });
  }

  /** Reads every database gauge (in parallel) before the registry is rendered. */
  async function readDatabaseGauges(): Promise<void> {
    const now = deps.clock.now();
    await Promise.all(
      databaseGauges.map(async ({ definition, gauge }) => {
        try {
          const reading = await withinLimit(definition.read({ db: deps.db, now }));
          gauge.reset();
          if (typeof reading === 'number') gauge.set(reading);
          else for (const { labels, value } of reading) gauge.set(labels, value);
        } catch (error) {
          gauge.reset();
          // Without labels prom-client would show 0, which reads as "nothing due"; NaN says "unknown".
          if ((definition.labelNames ?? []).length === 0) gauge.set(Number.NaN);
          readFailures.inc({ gauge: definition.name });
          deps.logger.warn({ err: error, gauge: definition.name }, 'metric could not be read');
        }
      }),
    );
  }

  return {
    registry,
    addDatabaseGauge,
    observeAck(kind: RequestKind, seconds: number): void {
      ackSeconds.observe({ kind }, seconds);
    },
    countSlackCall(client: SlackClientName, method: string, outcome: SlackCallOutcome): void {
      slackCalls.inc({ client, method, outcome });
    },
    observeSweep(seconds: number, ok: boolean): void {
      sweepSeconds.observe({ outcome: ok ? 'ok' : 'failed' }, seconds);
      if (ok) lastSweep.set(Date.now() / 1000);
    },
    /** The exposition text and its content type, for GET /metrics. */
    async scrape(): Promise<{ contentType: string; body: string }> {
      await readDatabaseGauges();
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}

export type BotMetrics = ReturnType<typeof createBotMetrics>;

function withinLimit<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${readLimitMillis} ms`)), readLimitMillis);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

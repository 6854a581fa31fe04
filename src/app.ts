// Wiring only: config → HTTP server (probes answer from the first moment; the bot's other
// routes say 503 "starting", never 404) → database (embedded when DATABASE_URL is unset)
// → migrations and directory set-up → metrics → the bot's identity in Slack (auth.test,
// once) → Bolt App → handlers → jobs → ready. Returns a handle that stops everything:
// /readyz turns 503 first, requests in flight finish, then things close.
import { App, HTTPReceiver, type Receiver } from '@slack/bolt';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { performance } from 'node:perf_hooks';
import { registerHandlers } from '../handlers/index.ts';
import { systemClock, type Clock } from './clock.ts';
import { describeMissingCredentials, missingSlackCredentials, type Config } from './config.ts';
import type { PrismaClient } from './db/client.ts';
import { expectedMigrations, pendingMigrations } from './db/migrations/migration-status.ts';
import { openDatabase, type OpenDatabase } from './db/open-database.ts';
import { prepareDirectory } from './domain/directory/prepare-directory.ts';
import { seedCalendarFromPackage } from './domain/calendar/seed-calendar.ts';
import { metricsRoute } from './http/metrics-route.ts';
import { createReadiness, type Readiness, type ReadinessCheck } from './http/readiness.ts';
import { createHttpServer, notYetServing, type Routes } from './http/server.ts';
import { refuseFutureTimestamps } from './http/slack-timestamp-guard.ts';
import { ticketsApiRoute } from './http/tickets-api.ts';
import { botJobs } from './jobs/bot-jobs.ts';
import { startJobs } from './jobs/start-jobs.ts';
import { boltLogger, createLogger, type Logger } from './logger.ts';
import { createBotMetrics, type BotMetrics } from './metrics/bot-metrics.ts';
import { databaseGauges } from './metrics/database-gauges.ts';
import { countingFetch, instrumentBoltEvents, receivedAtProperty } from './metrics/slack-traffic.ts';
import { watchJob } from './metrics/watched-job.ts';
import type { BotContext } from './slack/bot-context.ts';
import { fetchBotIdentity, type BotIdentity } from './slack/bot-identity.ts';
import { slackClientOptions } from './slack/client-options.ts';
import { outboxDeliverers } from './slack/outbox/deliverers.ts';
import { homeTabs } from './slack/home/home-tabs.ts';
import { refreshDueHomes } from './slack/home/publish-home.ts';
import { dueHomeCount } from './domain/home/home-refreshes.ts';
import { startOutbox } from './slack/outbox/outbox.ts';
import { createSharedPacing } from './slack/pacing/shared-pacing.ts';
import { createSlackSender } from './slack/sender.ts';
import { RefreshingSocketModeReceiver } from './slack/socket-mode/socket-mode-receiver.ts';
import { createUserProfiles } from './slack/user-profiles.ts';
import { staffInMemory } from './slack/directory/staff-in-memory.ts';

export type StartOptions = {
  config: Config;
  clock?: Clock;
  logger?: Logger;
  /** Tests run the jobs themselves at chosen instants; the real bot lets cron wake them. */
  startJobs?: boolean;
  /** Aborting it ends a start that is still waiting (for Slack, say). */
  signal?: AbortSignal;
  /** The HTTP server's route table, for a caller that serves more routes on the bot's port (the sandbox). */
  routes?: Routes;
};
export type StopOptions = {
  /** How long /readyz says 503 while everything is still served, so load balancers notice. */
  drainMillis?: number;
};
export type RunningBot = {
  port: number;
  db: PrismaClient;
  ctx: BotContext;
  readiness: Readiness;
  /** Resolves when the Slack requests in flight now (listeners' work after their ack included) have finished; false after `limitMillis`. */
  requestsSettled(limitMillis: number): Promise<boolean>;
  stop(options?: StopOptions): Promise<void>;
};

export class MissingCredentialsError extends Error {}

/** The routes the bot serves once started; until then they answer 503 "starting". */
const botRoutes = ['POST /slack/events', 'POST /api/tickets', 'GET /metrics'];
// Requests (and listeners still working after their ack) get this long to finish at a stop.
const inFlightLimitMillis = 20_000;
// The sweep runs every 5 s: ready while it finished within a minute, or runs for less than its lease.
const sweepLimits = { freshMillis: 60_000, stuckMillis: 120_000 };

export async function startBot(options: StartOptions): Promise<RunningBot> {
  const { config, signal } = options;
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger(config.logLevel);
  const routes: Routes = options.routes ?? new Map();
  const readiness = createReadiness();
  routes.set('GET /healthz', readiness.healthRoute);
  routes.set('GET /readyz', readiness.readyRoute);
  for (const route of botRoutes) routes.set(route, notYetServing);
  readiness.check('database', () => ({ ok: false, state: 'starting' }));
  const http = createHttpServer(routes, (error) => logger.error({ err: error }, 'http route failed'), { keepAliveMillis: config.httpKeepAliveSeconds * 1000 });
  const port = await http.listen(config.port);
  logger.info({ port }, 'listening (liveness on /healthz, readiness on /readyz)');
  let database: OpenDatabase | undefined;

  try {
    database = await openDatabase(config, logger);
    const db = database.db;
    readiness.check('database', databaseCheck(db, await expectedMigrations()));
    // Replicas starting together take turns, so the demo directory and the admins are set up once.
    const opened = database;
    await opened.duringStartup(() => prepareDirectory({ db, clock }, { config, embedded: opened.embedded, logger }));
    // China's holidays and make-up days for the years the chinese-days package covers (imported years stay).
    const calendar = await opened.duringStartup(() => seedCalendarFromPackage({ db, clock }));
    if (calendar.years.length > 0) logger.info({ years: calendar.years }, 'work calendar loaded from the chinese-days package');

    const missing = missingSlackCredentials(config);
    if (missing.length > 0) throw new MissingCredentialsError(describeMissingCredentials(missing));
    signal?.throwIfAborted();

    const metrics = createBotMetrics({ db, clock, logger });
    for (const gauge of databaseGauges) metrics.addDatabaseGauge(gauge);
    const identity = await fetchBotIdentity({ token: config.slack.botToken!, apiUrl: config.slack.apiUrl, logger, backoffMillis: config.slack.retryBackoffMillis, signal });
    logger.info({ botUserId: identity.botUserId, team: identity.teamId }, 'authorized in Slack');

    const { app, receiver } = createBoltApp(config, logger, identity, metrics);
    const events = instrumentBoltEvents(app, metrics);
    const profiles = createUserProfiles(app.client, Date.now, config.slack.profileWaitMillis);
    const sender = createSlackSender({
      token: config.slack.botToken!,
      apiUrl: config.slack.apiUrl,
      pacing: createSharedPacing({
        db,
        owner: randomUUID(),
        gapMillis: config.slack.channelIntervalMillis,
        onReleaseFailed: (channel, error) => logger.warn({ err: error, channel }, 'could not hand back a channel turn; it lapses'),
      }),
      backoffMillis: config.slack.retryBackoffMillis,
      logger,
      onAttempt: (method, outcome) => metrics.countSlackCall('sender', method, outcome),
    });
    // The deliverers need the finished context; the outbox asks for them on its first sweep.
    const outbox = startOutbox({
      db,
      clock,
      logger,
      settings: config.outbox,
      deliverers: () => outboxDeliverers(ctx),
      followUps: () => [{ round: () => refreshDueHomes(ctx), pending: () => dueHomeCount(db, config.home.coalesceMillis) }],
    });
    const staff = staffInMemory({ db, logger });
    await staff.reload().catch((error: unknown) => logger.warn({ err: error }, 'could not read the staff directory into memory; answers wait for the ack'));
    const ctx: BotContext = { db, clock, config, logger, profiles, staff, sender, outbox, metrics, homes: homeTabs(() => ctx) };
    const workAfterAcks = registerHandlers(app, ctx);
    // Bolt is done with a request once it is acked; its listener's work, started by then, may go on after.
    const requestsSettled = async (limitMillis: number) => {
      const deadline = performance.now() + limitMillis;
      return (await events.settled(limitMillis)) && (await workAfterAcks.settled(Math.max(0, deadline - performance.now())));
    };
    routes.set('POST /api/tickets', ticketsApiRoute(ctx));
    routes.set('GET /metrics', metricsRoute(metrics, config.metricsToken));

    const jobs = options.startJobs === false ? null : startWatchedJobs(ctx, readiness);
    if (!jobs) readiness.check('sweep', () => ({ ok: true, state: 'off' }));
    if (receiver instanceof HTTPReceiver) {
      const guardedListener = refuseFutureTimestamps(receiver.requestListener, { now: Date.now, logger });
      routes.set('POST /slack/events', (req, res) => {
        arrivals.set(req, performance.now());
        guardedListener(req, res);
      });
      readiness.check('slack', () => ({ ok: true, state: 'mounted' }));
    } else {
      const socket = receiver as RefreshingSocketModeReceiver;
      readiness.check('slack', () => (socket.isConnected() ? { ok: true, state: 'connected' } : { ok: false, state: 'disconnected' }));
      await app.start();
    }
    readiness.markServing();
    logger.info({ mode: receiver instanceof HTTPReceiver ? 'http' : 'socket' }, 'bot ready');
    // What earlier runs left undelivered (a crash, a stop, an outage) goes out now.
    outbox.kick();

    let stopping: Promise<void> | undefined;
    const stop = async ({ drainMillis = 0 }: StopOptions = {}) => {
      readiness.markDraining();
      logger.info({ drainMillis }, 'stopping: /readyz answers 503');
      if (drainMillis > 0) await new Promise((resolve) => setTimeout(resolve, drainMillis));
      // Still listening (and still connected in Socket Mode) while what arrived finishes.
      const [httpDone, eventsDone] = await Promise.all([http.settled(inFlightLimitMillis), requestsSettled(inFlightLimitMillis)]);
      if (!httpDone || !eventsDone) logger.warn('stopping with requests still in flight');
      if (!(receiver instanceof HTTPReceiver)) await app.stop().catch(() => {});
      await jobs?.stop();
      staff.stop();
      await http.close(1000);
      // Undelivered announcements stay in the outbox for the next start.
      await outbox.stop();
      await sender.stop();
      await database?.close();
    };
    return { port, db, ctx, readiness, requestsSettled, stop: (stopOptions) => (stopping ??= stop(stopOptions)) };
  } catch (error) {
    await http.close();
    await database?.close();
    throw error;
  }
}

/** Arrival time of each Slack HTTP request, read back by the receiver for the ack metric. */
const arrivals = new WeakMap<IncomingMessage, number>();

function createBoltApp(config: Config, logger: Logger, identity: BotIdentity, metrics: BotMetrics): { app: App; receiver: Receiver } {
  const receiver: Receiver = config.slack.appToken
    ? new RefreshingSocketModeReceiver({
        appToken: config.slack.appToken,
        apiUrl: config.slack.apiUrl,
        logger,
        boltLogger: boltLogger(logger),
        backoffMillis: config.slack.retryBackoffMillis,
      })
    : new HTTPReceiver({
        signingSecret: config.slack.signingSecret!,
        logger: boltLogger(logger),
        customPropertiesExtractor: (req) => ({ [receivedAtProperty]: arrivals.get(req) }),
      });
  const app = new App({
    token: config.slack.botToken,
    // Known ids: Bolt authorizes every request from memory, never with an auth.test call.
    botId: identity.botId,
    botUserId: identity.botUserId,
    receiver,
    // No conversation state is kept in Bolt: its store only cost a lookup per request.
    convoStore: false,
    logger: boltLogger(logger),
    clientOptions: { ...slackClientOptions(config), fetch: countingFetch(metrics, config.slack.apiUrl) },
  });
  return { app, receiver };
}

/** Starts the cron jobs with the timer sweep watched (duration metric, readiness) and run once now. */
function startWatchedJobs(ctx: BotContext, readiness: Readiness) {
  const jobs = botJobs(ctx);
  const index = jobs.findIndex((job) => job.name === 'sweep-due-timers');
  if (index < 0) throw new Error('no sweep-due-timers job');
  const sweep = watchJob(jobs[index]!, ctx.metrics, sweepLimits);
  jobs[index] = sweep.job;
  readiness.check('sweep', () => {
    const health = sweep.health();
    return { ok: health === 'ok', state: health };
  });
  const started = startJobs(jobs, { clock: ctx.clock, logger: ctx.logger });
  // Right away rather than at the next tick: timers that fell due while the bot was down go out now.
  const firstRun = sweep.job.run(ctx.clock.now()).catch((error: unknown) => ctx.logger.error({ err: error, job: 'sweep-due-timers' }, 'job failed'));
  return {
    async stop() {
      await started.stop();
      await firstRun;
    },
  };
}

function databaseCheck(db: PrismaClient, expected: string[]): ReadinessCheck {
  return async () => {
    try {
      const pending = await pendingMigrations(db, expected);
      return pending.length === 0 ? { ok: true, state: 'up' } : { ok: false, state: `migrations_pending:${pending.length}` };
    } catch {
      return { ok: false, state: 'down' };
    }
  };
}

// Wiring only: config → HTTP server (/healthz answers 503 until the database does)
// → database (embedded when DATABASE_URL is unset) → migrations and directory set-up
// → Bolt App → handlers → jobs. Returns a handle that stops everything cleanly.
import { App, HTTPReceiver, SocketModeReceiver, type Receiver } from '@slack/bolt';
import type { Server } from 'node:http';
import { registerHandlers } from '../handlers/index.ts';
import { systemClock, type Clock } from './clock.ts';
import { describeMissingCredentials, missingSlackCredentials, type Config } from './config.ts';
import type { PrismaClient } from './db/client.ts';
import { openDatabase, type OpenDatabase } from './db/open-database.ts';
import { prepareDirectory } from './domain/directory/prepare-directory.ts';
import { createHttpServer, listen, sendJson, type Routes } from './http/server.ts';
import { refuseFutureTimestamps } from './http/slack-timestamp-guard.ts';
import { ticketsApiRoute } from './http/tickets-api.ts';
import { boltLogger, createLogger, type Logger } from './logger.ts';
import type { BotContext } from './slack/bot-context.ts';
import { slackClientOptions } from './slack/client-options.ts';
import { outboxDeliverers } from './slack/outbox/deliverers.ts';
import { startOutbox } from './slack/outbox/outbox.ts';
import { createSlackSender } from './slack/sender.ts';
import { createUserProfiles } from './slack/user-profiles.ts';
import { botJobs } from './jobs/bot-jobs.ts';
import { startJobs } from './jobs/start-jobs.ts';

export type StartOptions = {
  config: Config;
  clock?: Clock;
  logger?: Logger;
  /** Tests run the jobs themselves at chosen instants; the real bot lets cron wake them. */
  startJobs?: boolean;
};
export type RunningBot = { port: number; db: PrismaClient; ctx: BotContext; stop(): Promise<void> };

export class MissingCredentialsError extends Error {}

export async function startBot(options: StartOptions): Promise<RunningBot> {
  const { config } = options;
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger(config.logLevel);
  const routes: Routes = new Map();
  let database: OpenDatabase | undefined;

  routes.set('GET /healthz', async (_req, res) => {
    const up = database ? await database.isReachable() : false;
    sendJson(res, up ? 200 : 503, { ok: up, database: up ? 'up' : 'down' });
  });
  const server = createHttpServer(routes, (error) => logger.error({ err: error }, 'http route failed'));
  const port = await listen(server, config.port);
  logger.info({ port }, 'listening (health check on /healthz)');

  try {
    database = await openDatabase(config, logger);
    // Replicas starting together take turns, so the demo directory and the admins are set up once.
    const opened = database;
    await opened.duringStartup(() => prepareDirectory({ db: opened.db, clock }, { config, embedded: opened.embedded, logger }));

    const missing = missingSlackCredentials(config);
    if (missing.length > 0) throw new MissingCredentialsError(describeMissingCredentials(missing));

    const { app, receiver } = createBoltApp(config, logger);
    const profiles = createUserProfiles(app.client, Date.now, config.slack.profileWaitMillis);
    const sender = createSlackSender({
      token: config.slack.botToken!,
      apiUrl: config.slack.apiUrl,
      perChannelMillis: config.slack.channelIntervalMillis,
      backoffMillis: config.slack.retryBackoffMillis,
      logger,
    });
    const db = database.db;
    // The deliverers need the finished context; the outbox asks for them on its first sweep.
    const outbox = startOutbox({ db, clock, logger, settings: config.outbox, deliverers: () => outboxDeliverers(ctx) });
    const ctx: BotContext = { db, clock, config, logger, profiles, sender, outbox };
    registerHandlers(app, ctx);
    routes.set('POST /api/tickets', ticketsApiRoute(ctx));
    const jobs = options.startJobs === false ? null : startJobs(botJobs(ctx), { clock, logger });
    if (receiver instanceof HTTPReceiver) routes.set('POST /slack/events', refuseFutureTimestamps(receiver.requestListener, { now: Date.now, logger }));
    else await app.start();
    logger.info({ mode: receiver instanceof HTTPReceiver ? 'http' : 'socket' }, 'bot ready');
    // What earlier runs left undelivered (a crash, a stop, an outage) goes out now.
    outbox.kick();

    return {
      port,
      db,
      ctx,
      stop: async () => {
        await jobs?.stop();
        if (!(receiver instanceof HTTPReceiver)) await app.stop().catch(() => {});
        await closeServer(server);
        // Undelivered announcements stay in the outbox for the next start.
        await outbox.stop();
        await sender.stop();
        await database?.close();
      },
    };
  } catch (error) {
    await closeServer(server);
    await database?.close();
    throw error;
  }
}

function createBoltApp(config: Config, logger: Logger): { app: App; receiver: Receiver } {
  const receiver: Receiver = config.slack.appToken
    ? new SocketModeReceiver({ appToken: config.slack.appToken, logger: boltLogger(logger) })
    : new HTTPReceiver({ signingSecret: config.slack.signingSecret!, logger: boltLogger(logger) });
  const app = new App({
    token: config.slack.botToken,
    receiver,
    logger: boltLogger(logger),
    clientOptions: slackClientOptions(config),
    // The bot token is fixed; skip the auth.test round trip on every request.
    tokenVerificationEnabled: false,
  });
  return { app, receiver };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections?.();
    server.close(() => resolve());
  });
}

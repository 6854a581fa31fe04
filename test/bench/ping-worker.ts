// One "bot process" of the ping-delivery bench: the real timer sweep and handlers with
// the real sender (pacing shared through Postgres), nothing else. Started by
// ping-delivery.ts once or twice against one database; says "ready" on stdout, starts
// sweeping when it reads "go" on stdin, and prints what it fired as JSON at the end.
import { createInterface } from 'node:readline';
import { systemClock } from '../../src/clock.ts';
import { createPrismaClient } from '../../src/db/client.ts';
import { sweepDueTimers } from '../../src/jobs/sweep-due-timers.ts';
import { timerHandlers } from '../../src/jobs/timer-handlers.ts';
import { createLogger } from '../../src/logger.ts';
import { createBotMetrics } from '../../src/metrics/bot-metrics.ts';
import type { BotContext } from '../../src/slack/bot-context.ts';
import { createSharedPacing } from '../../src/slack/pacing/shared-pacing.ts';
import { createSlackSender } from '../../src/slack/sender.ts';
import { staffInMemory } from '../../src/slack/directory/staff-in-memory.ts';
import { createUserProfiles } from '../../src/slack/user-profiles.ts';
import { homeTabs } from '../../src/slack/home/home-tabs.ts';
import { testConfig } from '../support/test-config.ts';

const { BENCH_DB_URL: databaseUrl, BENCH_SLACK_URL: slackApiUrl, BENCH_OWNER: owner = 'worker', BENCH_POST_PER_MINUTE: postPerMinute, BENCH_BATCH: batch } = process.env;
const db = createPrismaClient(databaseUrl!);
const config = testConfig({ databaseUrl: databaseUrl!, slackApiUrl: slackApiUrl!, env: { SLACK_CHANNEL_INTERVAL_MS: '1000', LOG_LEVEL: 'silent' } });
const logger = createLogger('silent');
const sender = createSlackSender({
  token: 'xoxb-bench',
  apiUrl: slackApiUrl!,
  pacing: createSharedPacing({ db, owner, gapMillis: 1000 }),
  logger,
  ...(postPerMinute ? { perMinute: { 'chat.postMessage': Number(postPerMinute) } } : {}),
});
// Pings are timer work; nothing here writes announcements, so the outbox is never kicked.
const outbox = { kick() {}, idle: async () => {}, stop: async () => {} };
const metrics = createBotMetrics({ db, clock: systemClock, logger });
const ctx: BotContext = { db, clock: systemClock, config, logger, profiles: createUserProfiles(sender.client), staff: staffInMemory({ db, logger }), sender, outbox, metrics, homes: homeTabs(() => ctx) };
const handlers = timerHandlers(ctx);
ctx.staff.stop();
await db.$queryRawUnsafe('SELECT 1');
console.log('ready');
await new Promise<void>((resolve) => createInterface({ input: process.stdin }).once('line', () => resolve()));

let fired = 0;
let failed = 0;
for (let rounds = 0; rounds < 1000; rounds++) {
  const result = await sweepDueTimers({ db, handlers, logger, now: new Date(), owner, batchSize: batch ? Number(batch) : undefined });
  fired += result.fired;
  failed += result.failed;
  if (result.fired + result.failed === 0) break;
}
console.log(JSON.stringify({ fired, failed }));
await sender.stop();
await db.$disconnect();

// Delivery of 1,000 due SLA pings across 50 ticket channels, through the real timer
// handler and the real rate-limited sender, to a fake Slack that enforces one message
// per second per channel (429 + Retry-After beyond it). Reported as a share of what the
// per-channel limit allows (50 channels × 1 message/s), with the 429s Slack answered.
import { systemClock } from '../../src/clock.ts';
import { sweepDueTimers } from '../../src/jobs/sweep-due-timers.ts';
import { timerHandlers } from '../../src/jobs/timer-handlers.ts';
import { createLogger } from '../../src/logger.ts';
import { createBotMetrics } from '../../src/metrics/bot-metrics.ts';
import type { BotContext } from '../../src/slack/bot-context.ts';
import { createSlackSender } from '../../src/slack/sender.ts';
import { createSharedPacing } from '../../src/slack/pacing/shared-pacing.ts';
import { createUserProfiles } from '../../src/slack/user-profiles.ts';
import { startFakeSlack } from '../fake-slack/server.ts';
import { testConfig } from '../support/test-config.ts';
import { insertTickets, type BenchDatabase } from './bench-database.ts';

const channels = 50;
const pings = 1000;

async function prepare(bench: BenchDatabase, firstNumber: number) {
  const { db } = bench;
  await db.$executeRawUnsafe(`
    INSERT INTO regions (code, name, ticket_channel_id, updated_at)
    SELECT 'R' || lpad(g::text, 2, '0'), 'Bench region ' || g, 'C0BENCH' || lpad(g::text, 2, '0'), now() FROM generate_series(0, ${channels - 1}) g
    ON CONFLICT (code) DO NOTHING`);
  await db.$executeRawUnsafe(`
    INSERT INTO customers (code, name, kind, service_level, region_code, updated_at)
    SELECT 'B' || lpad(g::text, 2, '0'), 'Bench customer ' || g, 'group', 'AAA', 'R' || lpad(g::text, 2, '0'), now() FROM generate_series(0, ${channels - 1}) g
    ON CONFLICT (code) DO NOTHING`);
  // Opened 61 minutes ago with a 2-hour window: the half-time ping is due. Twenty
  // tickets per channel, falling due in random order, as real tickets arrive.
  const openedAt = new Date(Date.now() - 61 * 60_000);
  const channelOf = `lpad((g % ${channels})::text, 2, '0')`;
  await insertTickets(db, { first: firstNumber, count: pings, customerSql: `'B' || ${channelOf}`, regionSql: `'R' || ${channelOf}`, channelSql: `'C0BENCH' || ${channelOf}`, openedAt });
  await db.$executeRawUnsafe(`
    INSERT INTO timers (kind, subject_id, due_at, updated_at)
    SELECT 'ticket.sla', id::text, now() - interval '1 minute' * random(), now() FROM tickets
    WHERE number >= 'T-BENCH-' || lpad('${firstNumber}', 8, '0') AND number < 'T-BENCH-' || lpad('${firstNumber + pings}', 8, '0')`);
}

export async function benchPingDelivery(bench: BenchDatabase, options: { label: string; firstNumber: number; postPerMinute?: number; batchSize?: number }) {
  await prepare(bench, options.firstNumber);
  const slack = await startFakeSlack();
  slack.enforceChannelRate({ perSecond: 1 });
  const config = testConfig({ databaseUrl: bench.url, slackApiUrl: slack.apiUrl, env: { SLACK_CHANNEL_INTERVAL_MS: '1000', LOG_LEVEL: 'silent' } });
  const logger = createLogger('silent');
  const sender = createSlackSender({
    token: 'xoxb-bench',
    apiUrl: slack.apiUrl,
    pacing: createSharedPacing({ db: bench.db, owner: 'bench', gapMillis: 1000 }),
    logger,
    ...(options.postPerMinute ? { perMinute: { 'chat.postMessage': options.postPerMinute } } : {}),
  });
  // Pings are timer work; nothing here writes announcements, so the outbox is never kicked.
  const outbox = { kick() {}, idle: async () => {}, stop: async () => {} };
  const metrics = createBotMetrics({ db: bench.db, clock: systemClock, logger });
  const ctx: BotContext = { db: bench.db, clock: systemClock, config, logger, profiles: createUserProfiles(sender.client), sender, outbox, metrics };
  const handlers = timerHandlers(ctx);

  const started = performance.now();
  let fired = 0;
  let failed = 0;
  for (let rounds = 0; fired < pings && rounds < 1000; rounds++) {
    const result = await sweepDueTimers({ db: bench.db, handlers, logger, now: new Date(), owner: 'bench', batchSize: options.batchSize });
    fired += result.fired;
    failed += result.failed;
    if (result.fired + result.failed === 0) break;
  }
  const seconds = (performance.now() - started) / 1000;
  const delivered = slack.callsTo('chat.postMessage').filter((c) => c.ok).length;
  const perChannel = new Map<string, number>();
  for (const call of slack.callsTo('chat.postMessage').filter((c) => c.ok)) perChannel.set(call.args.channel, (perChannel.get(call.args.channel) ?? 0) + 1);
  const busiest = Math.max(...perChannel.values());
  await sender.stop();
  await slack.close();
  const allowance = channels * seconds; // messages the per-channel limit allows in that time
  return {
    scenario: options.label,
    'pings delivered (timers fired / failed)': `${delivered} (${fired} / ${failed})`,
    seconds: seconds.toFixed(1),
    'messages per second': (delivered / seconds).toFixed(1),
    'share of the per-channel limit (50 ch × 1/s)': `${((delivered / allowance) * 100).toFixed(1)} %`,
    // At 1/s the busiest channel alone needs (pings - 1) seconds: no pacing can beat that.
    'busiest channel: pings, floor seconds': `${busiest}, ${busiest - 1}`,
    '429s answered by the fake Slack': slack.stats.rateLimited,
  };
}

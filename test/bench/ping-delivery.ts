// Delivery of 1,000 due SLA pings across 50 ticket channels, through the real timer
// handler and the real rate-limited sender, to a fake Slack that enforces one message
// per second per channel (429 + Retry-After beyond it). Run by one or two worker
// processes (./ping-worker.ts) on one database, as replicas would: reported as a share
// of what the per-channel limit allows (50 channels × 1 message/s), with the 429s Slack
// answered and how late the pings went out (all fall due at once, when the workers start).
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { startFakeSlack } from '../../src/sandbox/slack-stand-in/server.ts';
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

export async function benchPingDelivery(bench: BenchDatabase, options: { label: string; firstNumber: number; processes?: number; postPerMinute?: number; batchSize?: number }) {
  await prepare(bench, options.firstNumber);
  // Each scenario starts with the workspace's full allowance: the budget is shared state
  // in the database, and the previous scenario spent it.
  await bench.db.$executeRawUnsafe('DELETE FROM slack_method_budgets');
  await bench.db.$executeRawUnsafe('DELETE FROM slack_channel_turns');
  const slack = await startFakeSlack();
  slack.enforceChannelRate({ perSecond: 1 });
  const workers = Array.from({ length: options.processes ?? 1 }, (_, i) => startWorker(bench.url, slack.apiUrl, `bench-${options.firstNumber}-${i}`, options));
  await Promise.all(workers.map((w) => w.ready));
  const goAt = Date.now();
  const started = performance.now();
  for (const w of workers) w.go();
  const results = await Promise.all(workers.map((w) => w.done));
  const seconds = (performance.now() - started) / 1000;
  const ok = slack.callsTo('chat.postMessage').filter((c) => c.ok);
  const delivered = ok.length;
  const perChannel = new Map<string, number>();
  for (const call of ok) perChannel.set(call.args.channel, (perChannel.get(call.args.channel) ?? 0) + 1);
  const busiest = Math.max(...perChannel.values());
  const lateness = ok.map((c) => (c.at - goAt) / 1000).sort((a, b) => a - b);
  const at = (p: number) => lateness[Math.min(lateness.length - 1, Math.ceil((p / 100) * lateness.length) - 1)]!.toFixed(1);
  await slack.close();
  const allowance = channels * seconds; // messages the per-channel limit allows in that time
  return {
    scenario: options.label,
    processes: workers.length,
    'pings delivered (timers fired / failed)': `${delivered} (${results.reduce((n, r) => n + r.fired, 0)} / ${results.reduce((n, r) => n + r.failed, 0)})`,
    seconds: seconds.toFixed(1),
    'messages per second': (delivered / seconds).toFixed(1),
    'share of the per-channel limit (50 ch × 1/s)': `${((delivered / allowance) * 100).toFixed(1)} %`,
    // At 1/s the busiest channel alone needs (pings - 1) seconds: no pacing can beat that.
    'busiest channel: pings, floor seconds': `${busiest}, ${busiest - 1}`,
    'lateness due → sent p50 / p99 (s)': `${at(50)} / ${at(99)}`,
    '429s answered by the fake Slack': slack.stats.rateLimited,
  };
}

function startWorker(databaseUrl: string, slackUrl: string, owner: string, options: { postPerMinute?: number; batchSize?: number }) {
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('./ping-worker.ts', import.meta.url).pathname], {
    env: {
      ...process.env,
      BENCH_DB_URL: databaseUrl,
      BENCH_SLACK_URL: slackUrl,
      BENCH_OWNER: owner,
      ...(options.postPerMinute ? { BENCH_POST_PER_MINUTE: String(options.postPerMinute) } : {}),
      ...(options.batchSize ? { BENCH_BATCH: String(options.batchSize) } : {}),
    },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const ready = new Promise<void>((resolve) => lines.on('line', (line) => line === 'ready' && resolve()));
  const done = new Promise<{ fired: number; failed: number }>((resolve, reject) => {
    let last = '';
    lines.on('line', (line) => (last = line));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(last)) : reject(new Error(`ping worker exited with ${code}`))));
  });
  return { ready, done, go: () => child.stdin!.end('go\n') };
}

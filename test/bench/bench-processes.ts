// The two processes the ack benchmark compares, each a child process on this machine
// talking to the same fake Slack: the bot as production runs it (`node dist/src/main.js`,
// HTTP mode, NODE_ENV=production, info logs to a file) and a bare Bolt app that only acks
// (bare-bolt.mjs). Their RSS is read from /proc, the bot's heap from its /metrics.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { statusOf } from '../support/bot-process.ts';
import { freePort } from '../support/free-port.ts';
import { testSigningSecret } from '../support/test-config.ts';

export type BenchProcess = { name: string; port: number; child: ChildProcess; logFile: string; stop(): Promise<void> };

export const benchApiToken = 'bench-ticket-api-token-0123456789';

function startChild(name: string, args: string[], env: Record<string, string>, port: number): BenchProcess {
  const logFile = path.join(os.tmpdir(), `keyaccount-bench-${name}-${process.pid}.log`);
  const log = openSync(logFile, 'w');
  const child = spawn(process.execPath, args, {
    env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? '/tmp', DOTENV_CONFIG_PATH: '/nonexistent', ...env, PORT: String(port) },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    name,
    port,
    child,
    logFile,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The node options `npm start` gives the bot (package.json: `exec node OPTIONS dist/src/main.js`). */
export function productionNodeOptions(): string[] {
  const { scripts } = JSON.parse(readFileSync(path.join(process.cwd(), 'package.json'), 'utf8')) as { scripts: { start: string } };
  const match = /^exec node((?: --\S+)*) dist\/src\/main\.js$/.exec(scripts.start);
  if (!match) throw new Error(`npm start is no longer "exec node [OPTIONS] dist/src/main.js": ${scripts.start}`);
  return match[1]!.split(' ').filter(Boolean);
}

/** The bot from dist/ (build it first), as `npm start` runs it (its node options first, then nodeArgs). */
export async function startOurBot(options: { databaseUrl: string; slackApiUrl: string; env?: Record<string, string>; nodeArgs?: string[] }): Promise<BenchProcess> {
  const port = await freePort();
  // BENCH_BOT_NODE_ARGS (say '--trace-gc'): more node options for every bot the bench starts; its log shows what they print.
  const extra = [...(process.env.BENCH_BOT_NODE_ARGS?.split(' ').filter(Boolean) ?? []), ...(options.nodeArgs ?? [])];
  const bot = startChild('ours', [...productionNodeOptions(), ...extra, path.join(process.cwd(), 'dist/src/main.js')], {
    NODE_ENV: 'production',
    DATABASE_URL: options.databaseUrl,
    SLACK_BOT_TOKEN: 'xoxb-bench-token',
    SLACK_SIGNING_SECRET: testSigningSecret,
    SLACK_API_URL: options.slackApiUrl,
    SEED_DEMO_DIRECTORY: 'no',
    TICKET_API_TOKEN: benchApiToken,
    SHUTDOWN_DRAIN_MS: '0',
    LOG_LEVEL: 'info',
    // BENCH_BOT_ENV (JSON, say '{"LISTENER_CONCURRENCY":"8"}'): settings for every bot the bench starts.
    ...(JSON.parse(process.env.BENCH_BOT_ENV ?? '{}') as Record<string, string>),
    ...options.env,
  }, port);
  await waitFor(bot, '/readyz', (status) => status === 200);
  return bot;
}

/** The bare Bolt app: acks the same command and action, nothing else. */
export async function startBareBolt(options: { slackApiUrl: string; nodeArgs?: string[] }): Promise<BenchProcess> {
  const port = await freePort();
  const bare = startChild('bare', [...(options.nodeArgs ?? []), path.join(process.cwd(), 'test/bench/bare-bolt.mjs')], {
    SLACK_BOT_TOKEN: 'xoxb-bench-token',
    SLACK_SIGNING_SECRET: testSigningSecret,
    SLACK_API_URL: options.slackApiUrl,
  }, port);
  // Its receiver answers 404 off /slack/events: anything but 0 means it listens.
  await waitFor(bare, '/', (status) => status !== 0);
  return bare;
}

async function waitFor(target: BenchProcess, route: string, ok: (status: number) => boolean): Promise<void> {
  for (let i = 0; i < 600 && target.child.exitCode === null; i++) {
    if (ok(await statusOf(target.port, route))) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${target.name} never became ready (log: ${target.logFile})`);
}

/** Resident set size of the process, from /proc/PID/status (MB). */
export async function rssMegabytes(target: BenchProcess): Promise<number> {
  const status = await readFile(`/proc/${target.child.pid}/status`, 'utf8');
  const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1]);
  return kb / 1024;
}

/** CPU seconds (user + system) the process has used so far, from /proc/PID/stat. */
export async function cpuSeconds(target: BenchProcess): Promise<number> {
  const stat = await readFile(`/proc/${target.child.pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** One sample of the bot's /metrics, by metric name (series without labels, or the first one). */
export async function metricsOf(target: BenchProcess): Promise<Map<string, number>> {
  const text = await metricsText(target);
  const values = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match = /^([a-z_:]+)(\{[^}]*\})?\s+(\S+)/.exec(line);
    if (match && !values.has(match[1]!)) values.set(match[1]!, Number(match[3]));
  }
  return values;
}

/**
 * The bot's ack histogram for one kind of request (request read → ack): the count at or
 * under each bucket's bound, in seconds; and its longest event-loop delay since the last
 * scrape (prom-client resets it at each).
 */
export async function ackReading(target: BenchProcess, kind: string): Promise<{ buckets: Map<number, number>; loopLagMaxMs: number }> {
  const text = await metricsText(target);
  const buckets = new Map<number, number>();
  for (const match of text.matchAll(/^keyaccount_slack_ack_seconds_bucket\{le="([^"]+)",kind="([^"]+)"\} (\S+)$/gm)) {
    if (match[2] === kind) buckets.set(match[1] === '+Inf' ? Infinity : Number(match[1]), Number(match[3]));
  }
  const lag = /^nodejs_eventloop_lag_max_seconds (\S+)$/m.exec(text);
  return { buckets, loopLagMaxMs: Number(lag?.[1] ?? NaN) * 1000 };
}

/** The smallest bucket bound (ms) holding `share` (0.99: p99) of the acks counted between two readings of ackReading. */
export function ackBound(before: Map<number, number>, after: Map<number, number>, share: number): number {
  const bounds = [...after.keys()].sort((a, b) => a - b);
  const total = (after.get(Infinity) ?? 0) - (before.get(Infinity) ?? 0);
  const bound = bounds.find((le) => (after.get(le) ?? 0) - (before.get(le) ?? 0) >= share * total);
  return (bound ?? Infinity) * 1000;
}

const metricsText = async (target: BenchProcess) => (await fetch(`http://127.0.0.1:${target.port}/metrics`)).text();

/** Waits until the bot's outbox has nothing pending (read from /metrics). */
export async function outboxIdle(target: BenchProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await metricsOf(target)).get('keyaccount_outbox_pending') !== 0) {
    if (Date.now() > deadline) throw new Error(`${target.name}: outbox still busy after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

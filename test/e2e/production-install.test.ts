// The operator's install, for real: a copy of the working tree without node_modules,
// `npm ci --omit=dev` (no tsx, no vitest, no @types), then the operator commands on a
// database the suite did not prepare: `npm run db:migrate`, `npm start` — one node
// process running the compiled dist/, no transpiler in the loop — answering a signed
// `/am help` and its HTTP probes, `npm run import`, and a clean stop on SIGTERM.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../../src/sandbox/slack-stand-in/server.ts';
import { databaseUrlFor, runAdminStatements } from '../support/admin.ts';
import { freePort } from '../support/free-port.ts';
import { createSlackDriver } from '../../src/sandbox/slack-stand-in/slack-requests.ts';

const run = promisify(execFile);
const signingSecret = 'production-install-secret';

// What a fresh clone has: everything but what installing, building and running make.
const NOT_IN_A_CLONE = new Set(['node_modules', 'dist', '.data', '.git', '.env', 'coverage', 'src/generated']);

// The HTTP endpoints the production bot must answer once it is ready.
// /healthz: the process lives; /readyz: database, migrations, Slack route and sweep; /metrics: the bot's own.
const probes: { path: string; status: number; body?: RegExp }[] = [
  { path: '/healthz', status: 200, body: /"ok":true/ },
  { path: '/readyz', status: 200, body: /"ok":true/ },
  { path: '/metrics', status: 200, body: /keyaccount_timer_lag_seconds/ },
];

let app: string;
let slack: FakeSlack;
let databaseUrl: string;
let databaseName: string;
let port: number;

beforeAll(async () => {
  app = await mkdtemp(join(tmpdir(), 'keyaccount-install-'));
  const root = process.cwd();
  await cp(root, app, { recursive: true, filter: (source) => !NOT_IN_A_CLONE.has(relative(root, source)) });
  slack = await startFakeSlack();
  databaseName = `install_${process.pid}`;
  await runAdminStatements(inject('databaseAdminUrl'), [`CREATE DATABASE "${databaseName}"`]);
  databaseUrl = databaseUrlFor(inject('databaseAdminUrl'), databaseName);
  port = await freePort();
}, 60_000);

afterAll(async () => {
  await slack?.close();
  await runAdminStatements(inject('databaseAdminUrl'), [`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`]).catch(() => {});
  if (app) await rm(app, { recursive: true, force: true });
});

/** The environment of a production host: no developer .env, NODE_ENV=production. */
function productionEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME ?? '/tmp',
    // The npm cache makes the install a local copy; nothing needs the registry's answer again.
    npm_config_prefer_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    DOTENV_CONFIG_PATH: '/nonexistent',
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    ...extra,
  };
}

function npm(args: string[], env: NodeJS.ProcessEnv, timeout = 60_000) {
  return run('npm', args, { cwd: app, env, timeout, maxBuffer: 16 * 1024 * 1024 }).then(
    ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, output: `${error.stdout}${error.stderr}` }),
  );
}

/** Every process below pid, as their command lines (Linux /proc). */
/** `npm start` in the installed copy: the process, all it printed so far, and its exit code. */
function npmStart(env: NodeJS.ProcessEnv) {
  const bot = spawn('npm', ['start'], { cwd: app, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let printed = '';
  bot.stdout!.on('data', (chunk) => (printed += chunk));
  bot.stderr!.on('data', (chunk) => (printed += chunk));
  const exited = new Promise<number | null>((resolve) => bot.on('exit', (code) => resolve(code)));
  return { bot, output: () => printed, exited };
}

function descendants(pid: number): string[][] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const below = (p: number): number[] => [...parentOf].filter(([, parent]) => parent === p).flatMap(([child]) => [child, ...below(child)]);
  return below(pid).map((child) => {
    try {
      return readFileSync(`/proc/${child}/cmdline`, 'utf8').split('\0').filter(Boolean);
    } catch {
      return [];
    }
  });
}

describe('npm ci --omit=dev && npm start', () => {
  it('installs without devDependencies and builds the bot into dist/', async () => {
    const install = await npm(['ci', '--omit=dev'], productionEnv(), 300_000);
    expect(install.code, install.output).toBe(0);
    for (const devOnly of ['tsx', 'vitest', 'pngjs']) expect(existsSync(join(app, 'node_modules', devOnly)), devOnly).toBe(false);
    expect(existsSync(join(app, 'dist/src/main.js'))).toBe(true);
  }, 320_000);

  it('migrates with npm run db:migrate, from the compiled CLI', async () => {
    const migrate = await npm(['run', '--silent', 'db:migrate'], productionEnv());
    expect(migrate.code, migrate.output).toBe(0);
    expect(migrate.output).toMatch(/Applied migration \d{14}_init/);
  });

  it('starts as one node process running dist/, answers Slack and its probes, and stops on SIGTERM', async () => {
    const env = productionEnv({
      SLACK_BOT_TOKEN: 'xoxb-production-install',
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_API_URL: slack.apiUrl,
      PORT: String(port),
      SEED_DEMO_DIRECTORY: 'yes',
      LOG_LEVEL: 'info',
    });
    const { bot, output, exited } = npmStart(env);
    try {
      await waitUntil(() => output().includes('bot ready'), bot, output);
      expect(output()).toContain('database schema is up to date');
      expect(output()).toContain('demo directory loaded');

      // npm execs node itself (no shell, no tsx, no esbuild in between), so npm's SIGTERM reaches the bot;
      // its heap is capped (README, "Memory").
      if (process.platform === 'linux') expect(descendants(bot.pid!)).toEqual([['node', '--max-old-space-size=256', '--max-semi-space-size=4', 'dist/src/main.js']]);

      for (const probe of probes) {
        // Readiness also waits for the first sweep, which may still be running just after "bot ready".
        let response = await fetch(`http://127.0.0.1:${port}${probe.path}`);
        for (let i = 0; i < 100 && response.status !== probe.status; i++) {
          await new Promise((r) => setTimeout(r, 100));
          response = await fetch(`http://127.0.0.1:${port}${probe.path}`);
        }
        expect(response.status, probe.path).toBe(probe.status);
        if (probe.body) expect(await response.text(), probe.path).toMatch(probe.body);
      }

      const driver = createSlackDriver({ baseUrl: `http://127.0.0.1:${port}`, signingSecret });
      slack.setUser('U0PRODUSER', { locale: 'en-US', tz: 'Asia/Shanghai', name: 'Pat Production' });
      const responseUrl = slack.responseUrl();
      expect((await driver.command({ command: '/am', text: 'help', userId: 'U0PRODUSER', responseUrl })).status).toBe(200);
      const answer = await slack.waitFor((call) => call.responseUrl === responseUrl, 10_000);
      expect(JSON.stringify(answer.args.blocks)).toContain('Key-account service bot');

      const csv = join(app, 'regions.csv');
      await writeFile(csv, 'code,name,ticket_channel,cross_region_channel,supervisor_channel\nzj,浙江,C0ZJTKT,C0ZJXRG,C0ZJSUP\n');
      const imported = await npm(['run', '--silent', 'import', '--', 'regions', csv], productionEnv({ LOG_LEVEL: 'silent' }));
      expect(imported).toEqual({ code: 0, output: 'Imported regions: 1 new, 0 updated.\n' });
    } finally {
      bot.kill('SIGTERM');
    }
    expect(await exited, output()).toBe(0);
  }, 120_000);
});

describe('the sandbox on the same install', () => {
  it('is served by npm start without Slack credentials outside production, with no devDependencies installed', async () => {
    const { NODE_ENV: _production, ...env } = productionEnv({ PORT: String(port), LOG_LEVEL: 'info', SHUTDOWN_DRAIN_MS: '0' });
    const { bot, output, exited } = npmStart(env);
    try {
      await waitUntil(() => output().includes('/sandbox'), bot, output);
      const page = await fetch(`http://127.0.0.1:${port}/sandbox`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('SANDBOX');
      expect((await fetch(`http://127.0.0.1:${port}/sandbox/blocks.js`)).status).toBe(200);
    } finally {
      bot.kill('SIGTERM');
    }
    expect(await exited, output()).toBe(0);
  }, 120_000);

  it('is never served with NODE_ENV=production: missing credentials still stop the start (exit 2)', async () => {
    const { output, exited } = npmStart(productionEnv({ PORT: String(port) }));
    expect(await exited, output()).toBe(2);
    expect(output()).toContain('SLACK_BOT_TOKEN');
    expect(output()).not.toContain('/sandbox');
  }, 60_000);
});

async function waitUntil(ready: () => boolean, child: ChildProcess, output: () => string): Promise<void> {
  for (let i = 0; i < 600 && !ready(); i++) {
    if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}):\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!ready()) throw new Error(`npm start never became ready:\n${output()}`);
}

// `npm start` as a real process: embedded Postgres, migrations, demo directory, Slack
// over HTTP; a clean stop on SIGTERM; data kept across restarts; and without Slack
// credentials a clear explanation instead of a stack trace.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../support/free-port.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../fake-slack/server.ts';
import { createSlackDriver } from '../support/slack-requests.ts';

const tsx = join(process.cwd(), 'node_modules/.bin/tsx');
let slack: FakeSlack;
let dataRoot: string;

beforeAll(async () => {
  slack = await startFakeSlack();
  dataRoot = await mkdtemp(join(tmpdir(), 'keyaccount-main-'));
  // As root, Postgres runs as the postgres user, who must be able to enter the folder.
  await chmod(dataRoot, 0o755);
});
afterAll(async () => {
  await slack.close();
  await rm(dataRoot, { recursive: true, force: true });
});

function startMain(env: Record<string, string>): { child: ChildProcess; output: () => string; exit: Promise<number | null> } {
  // A developer's own .env must not leak into the test.
  const child = spawn(tsx, ['src/main.ts'], {
    env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? '/tmp', DOTENV_CONFIG_PATH: '/nonexistent', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exit };
}

// /healthz says the database answers; the log says when Slack's requests are served too.
async function waitForReady(port: number, main: ReturnType<typeof startMain>): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const status = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status, () => 0);
    if (status === 200 && main.output().includes('bot ready')) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`never healthy:\n${main.output()}`);
}

describe('npm start', () => {
  it('starts on an embedded Postgres, answers Slack, stops cleanly and keeps its data', async () => {
    const dataDir = join(dataRoot, 'pg');
    const port = await freePort();
    const env = {
      SLACK_BOT_TOKEN: 'xoxb-main-test',
      SLACK_SIGNING_SECRET: 'main-secret',
      SLACK_API_URL: slack.apiUrl,
      EMBEDDED_PG_DIR: dataDir,
      EMBEDDED_PG_PORT: '0',
      PORT: String(port),
      ADMIN_SLACK_IDS: 'U0MAINADMIN',
    };
    const first = startMain(env);
    await waitForReady(port, first);
    expect(first.output()).toContain('demo directory loaded');

    const driver = createSlackDriver({ baseUrl: `http://127.0.0.1:${port}`, signingSecret: 'main-secret' });
    const responseUrl = slack.responseUrl();
    slack.setUser('U0DEMOAM1', { locale: 'en-US', tz: 'Asia/Shanghai', name: 'Wang' });
    expect((await driver.command({ command: '/am', text: 'whoami', userId: 'U0DEMOAM1', responseUrl })).status).toBe(200);
    const answer = await slack.waitFor((c) => c.responseUrl === responseUrl, 10_000);
    expect(JSON.stringify(answer.args.blocks)).toContain('C0001');

    first.child.kill('SIGTERM');
    expect(await first.exit).toBe(0);
    expect(existsSync(join(dataDir, 'postmaster.pid'))).toBe(false);

    const second = startMain(env);
    await waitForReady(port, second);
    // Same cluster: nothing to migrate and no second demo load.
    expect(second.output()).toContain('database schema is up to date');
    expect(second.output()).not.toContain('demo directory loaded');
    second.child.kill('SIGINT');
    expect(await second.exit).toBe(0);
  }, 120_000);

  it('without Slack credentials says what is missing and how to get them, without a stack trace', async () => {
    const main = startMain({ EMBEDDED_PG_DIR: join(dataRoot, 'pg-nocreds'), EMBEDDED_PG_PORT: '0', PORT: String(await freePort()) });
    expect(await main.exit).toBe(2);
    expect(main.output()).toContain('SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET are not set');
    expect(main.output()).toContain('manifest.yml');
    expect(main.output()).not.toMatch(/\n\s+at .+:\d+:\d+/);
  }, 120_000);

  it('stops with one line naming a wrong variable', async () => {
    const main = startMain({ PORT: 'eighty', SLACK_BOT_TOKEN: 'xoxb-x', SLACK_SIGNING_SECRET: 's' });
    expect(await main.exit).toBe(1);
    expect(main.output().trim()).toMatch(/^Configuration error: PORT .+\.$/);
  }, 30_000);
});

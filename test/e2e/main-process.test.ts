// src/main.ts (what `npm start` runs) as a real process: embedded Postgres, migrations, demo directory, Slack
// over HTTP; a clean stop on SIGTERM; data kept across restarts; without Slack
// credentials the sandbox (src/sandbox/), and in production a clear explanation instead.
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../support/free-port.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../../src/sandbox/slack-stand-in/server.ts';
import { startBotProcess, statusOf, waitForReady } from '../support/bot-process.ts';
import { createSlackDriver } from '../../src/sandbox/slack-stand-in/slack-requests.ts';

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

const startMain = (env: Record<string, string>) => startBotProcess({ SHUTDOWN_DRAIN_MS: '0', ...env });

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

  it('without Slack credentials serves the sandbox instead, says so in one line, and stops cleanly', async () => {
    const port = await freePort();
    const main = startMain({ EMBEDDED_PG_DIR: join(dataRoot, 'pg-nocreds'), EMBEDDED_PG_PORT: '0', PORT: String(port) });
    await waitForReady(port, main);
    expect(await statusOf(port, '/sandbox')).toBe(200);
    expect(main.output().split('\n').filter((line) => line.includes('/sandbox'))).toEqual([
      `Sandbox: no Slack here — try the bot in your browser at http://localhost:${port}/sandbox (set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to connect to Slack).`,
    ]);
    main.child.kill('SIGTERM');
    expect(await main.exit).toBe(0);
    expect(main.output()).not.toMatch(/\n\s+at .+:\d+:\d+/);
  }, 120_000);

  it('in production without Slack credentials says what is missing and how to get them, and serves no sandbox', async () => {
    const main = startMain({
      NODE_ENV: 'production',
      EMBEDDED_PG_IN_PRODUCTION: 'yes',
      EMBEDDED_PG_DIR: join(dataRoot, 'pg-nocreds-production'),
      EMBEDDED_PG_PORT: '0',
      PORT: String(await freePort()),
    });
    expect(await main.exit).toBe(2);
    expect(main.output()).toContain('SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET are not set');
    expect(main.output()).toContain('manifest.yml');
    expect(main.output()).not.toContain('/sandbox');
    expect(main.output()).not.toMatch(/\n\s+at .+:\d+:\d+/);
  }, 120_000);

  it('refuses `--sandbox` in production with one line', async () => {
    const main = startBotProcess({ NODE_ENV: 'production', DATABASE_URL: 'postgresql://nobody@127.0.0.1:9/none', SLACK_BOT_TOKEN: 'xoxb-x', SLACK_SIGNING_SECRET: 's' }, ['--sandbox']);
    expect(await main.exit).toBe(2);
    expect(main.output().trim()).toMatch(/^The sandbox is never served with NODE_ENV=production/);
  }, 30_000);

  it('stops with one line naming a wrong variable', async () => {
    const main = startMain({ PORT: 'eighty', SLACK_BOT_TOKEN: 'xoxb-x', SLACK_SIGNING_SECRET: 's' });
    expect(await main.exit).toBe(1);
    expect(main.output().trim()).toMatch(/^Configuration error: PORT .+\.$/);
  }, 30_000);
});

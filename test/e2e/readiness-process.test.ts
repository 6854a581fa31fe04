// /readyz of a real bot process (tsx src/main.ts, embedded Postgres, a fake Slack):
// during start-up it is never 200 while Slack's route would still answer 404, and on
// SIGTERM it turns 503 while the server still answers, the request in flight finishes,
// and only then the process stops.
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../../src/sandbox/slack-stand-in/server.ts';
import { startBotProcess, statusOf, waitForReady, type BotProcess } from '../support/bot-process.ts';
import { freePort } from '../support/free-port.ts';
import { createSlackDriver } from '../../src/sandbox/slack-stand-in/slack-requests.ts';

const signingSecret = 'readiness-secret';
let slack: FakeSlack;
let dataRoot: string;
let bot: BotProcess | undefined;
let port: number;

beforeAll(async () => {
  slack = await startFakeSlack();
  dataRoot = await mkdtemp(join(tmpdir(), 'keyaccount-ready-'));
  await chmod(dataRoot, 0o755);
  port = await freePort();
});
afterAll(async () => {
  bot?.child.kill('SIGKILL');
  await bot?.exit;
  await slack.close();
  await rm(dataRoot, { recursive: true, force: true });
});

describe('/readyz of a bot process', () => {
  it('is never 200 while /slack/events or /api/tickets would answer 404', async () => {
    bot = startBotProcess({
      SLACK_BOT_TOKEN: 'xoxb-ready-test',
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_API_URL: slack.apiUrl,
      EMBEDDED_PG_DIR: join(dataRoot, 'pg'),
      EMBEDDED_PG_PORT: '0',
      PORT: String(port),
      SHUTDOWN_DRAIN_MS: '0',
      TICKET_API_TOKEN: 'ready-test-ticket-token',
    });
    const driver = createSlackDriver({ baseUrl: `http://127.0.0.1:${port}`, signingSecret });
    const challenge = () =>
      driver.raw(JSON.stringify({ type: 'url_verification', token: 'x', challenge: 'still-there' }), { 'content-type': 'application/json' }).then(
        (r) => r.status,
        () => 0,
      );
    // Sample readiness, then the routes, until ready; after that every route must answer.
    const samples: { readyz: number; events: number; tickets: number }[] = [];
    let exited = false;
    void bot.exit.then(() => (exited = true));
    for (let ready = 0; ready < 5 && !exited; ) {
      const readyz = await statusOf(port, '/readyz');
      const sample = { readyz, events: await challenge(), tickets: await statusOf(port, '/api/tickets', { method: 'POST', body: '{}' }) };
      samples.push(sample);
      if (readyz === 200 || ready > 0) ready++;
      else await new Promise((r) => setTimeout(r, 20));
    }
    expect(exited, bot.output()).toBe(false);
    const firstReady = samples.findIndex((s) => s.readyz === 200);
    expect(firstReady).toBeGreaterThanOrEqual(0);
    // Once /readyz said 200 the bot serves everything (readiness only ends at a stop).
    for (const sample of samples.slice(firstReady)) expect(sample).toEqual({ readyz: 200, events: 200, tickets: 401 });
    // Before that, the bot's routes say "starting" (or nothing listens yet), never 404.
    for (const sample of samples) {
      expect(sample.events).not.toBe(404);
      expect(sample.tickets).not.toBe(404);
    }
  }, 120_000);

  it('runs the sweep and exposes its duration', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(await res.json()).toMatchObject({ ok: true, checks: { database: 'up', slack: 'mounted', sweep: 'ok' } });
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toMatch(/^keyaccount_sweep_duration_seconds_count\{outcome="ok"\} [1-9]/m);
  });

  it('turns 503 on SIGTERM while still serving, lets the request in flight finish, then stops', async () => {
    const running = bot!;
    await waitForReady(port, running);
    // A listener that is still working after its ack: /ticket new waits for views.open.
    const stall = slack.stall('views.open');
    const driver = createSlackDriver({ baseUrl: `http://127.0.0.1:${port}`, signingSecret });
    expect((await driver.command({ command: '/ticket', text: 'new', userId: 'U0DEMOENG1', responseUrl: slack.responseUrl() })).status).toBe(200);
    await stall.arrival('views.open');

    running.child.kill('SIGTERM');
    let readyz = 200;
    while (readyz === 200) readyz = await statusOf(port, '/readyz');
    expect(readyz, `the server still answers, with 503\n${running.output().slice(-3000)}`).toBe(503);
    expect(await statusOf(port, '/healthz')).toBe(200);

    stall.release();
    expect(await running.exit).toBe(0);
    expect(slack.callsTo('views.open'), 'the listener in flight finished').toHaveLength(1);
    expect(await statusOf(port, '/readyz')).toBe(0);
    expect(running.output()).toContain('stopping: /readyz answers 503');
    bot = undefined;
  }, 60_000);
});

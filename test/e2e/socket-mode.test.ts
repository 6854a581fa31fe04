// The bot in Socket Mode, driven through a local Socket Mode server: the connection is
// asked for at SLACK_API_URL (the fake Slack), every kind of envelope is acknowledged
// with its envelope_id, and Slack's periodic refresh costs nothing — the new connection
// opens before the old one closes, and a command sent right after `disconnect` is
// answered. A connection that drops is replaced.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from '../../src/app.ts';
import { encodePageButton } from '../../src/slack/home/home-state.ts';
import { homeIds } from '../../src/slack/ids.ts';
import { commandAnswer } from '../support/command-answer.ts';
import { startFakeSlack, type FakeSlack } from '../../src/sandbox/slack-stand-in/server.ts';
import { FakeSocketMode } from '../fake-slack/socket-mode.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { createSlackDriver, type SlackDriver } from '../../src/sandbox/slack-stand-in/slack-requests.ts';
import { testConfig, testSigningSecret } from '../support/test-config.ts';
import { people } from '../support/tickets.ts';

let database: TestDatabase;
let slack: FakeSlack;
let socket: FakeSocketMode;
let bot: RunningBot;
let driver: SlackDriver;

beforeAll(async () => {
  database = await createTestDatabase();
  slack = await startFakeSlack();
  socket = await FakeSocketMode.start(slack);
  slack.setUser(people.eng1, { locale: 'en-US', tz: 'Asia/Shanghai', name: 'eng1' });
  const config = testConfig({ databaseUrl: database.url, slackApiUrl: slack.apiUrl, env: { SLACK_APP_TOKEN: 'xapp-1-A0FAKEAPP1-test', SLACK_RETRY_BACKOFF_MS: '20' } });
  bot = await startBot({ config, startJobs: false });
  driver = createSlackDriver({ baseUrl: 'http://unused.invalid', signingSecret: testSigningSecret, envelopes: socket.transport });
});
afterAll(async () => {
  await bot?.stop();
  await socket?.close();
  await slack?.close();
  await database?.drop();
});

const readyz = () => fetch(`http://127.0.0.1:${bot.port}/readyz`).then(async (r) => ({ status: r.status, body: await r.json() }));

/** /am help over Socket Mode: resolves with the ack once the answer came (in the ack's payload, or through its response URL). */
async function amHelp() {
  const responseUrl = slack.responseUrl();
  const ack = await driver.command({ command: '/am', text: 'help', userId: people.eng1, responseUrl });
  const answer = await commandAnswer(slack, ack, responseUrl, 10_000);
  expect(JSON.stringify(answer.blocks)).toContain('/ticket claim');
  return ack;
}

describe('Socket Mode', () => {
  it('asks for its connection at SLACK_API_URL with the app token and is ready once Slack said hello', async () => {
    const opened = slack.callsTo('apps.connections.open');
    expect(opened).toHaveLength(1);
    expect(opened[0]!.ok).toBe(true);
    expect(socket.open()).toHaveLength(1);
    expect(slack.callsTo('auth.test')).toHaveLength(1);
    expect(await readyz()).toMatchObject({ status: 200, body: { checks: { slack: 'connected' } } });
  });

  it('acknowledges a slash command, an interaction and an event, each with its envelope id', async () => {
    expect((await amHelp()).status).toBe(200);

    const view = {
      type: 'home',
      blocks: [{ type: 'actions', block_id: 'paging', elements: [{ type: 'button', action_id: homeIds.nextPage, value: encodePageButton('my_tickets', 2), text: { type: 'plain_text', text: 'More' } }] }],
    };
    expect((await driver.blockAction({ userId: people.eng1, actionId: homeIds.nextPage, view })).status).toBe(200);

    const published = slack.calls.length;
    expect((await driver.event({ type: 'app_home_opened', user: people.eng1, channel: `D${people.eng1}`, tab: 'home' })).status).toBe(200);
    await slack.waitFor((c) => c.method === 'views.publish' && slack.calls.indexOf(c) >= published, 10_000);

    // Every envelope sent got exactly its own ack back.
    const sent = socket.connections.flatMap((c) => c.envelopes);
    expect(sent).toHaveLength(3);
    expect(sent.every((id) => socket.acks.get(id)?.envelopeId === id)).toBe(true);
    expect(slack.callsTo('auth.test')).toHaveLength(1);
  });

  it('survives a refresh: a command right after disconnect is answered and there is never no connection', async () => {
    const old = socket.requestRefresh(socket.open()[0], 'refresh_requested');
    // Sent at once, before the bot could open anything new: it must not be lost.
    expect((await amHelp()).status).toBe(200);

    const fresh = await socket.waitFor(() => old.closed && socket.open().find((c) => c.id > old.id), 'the old connection replaced');
    expect(socket.gaps).toBe(0);
    expect(socket.undelivered).toEqual([]);
    expect(slack.callsTo('apps.connections.open')).toHaveLength(2);

    const before = fresh.envelopes.length;
    expect((await amHelp()).status).toBe(200);
    expect(fresh.envelopes.length).toBe(before + 1);
    expect(socket.acks.get(fresh.envelopes.at(-1)!)?.connectionId).toBe(fresh.id);
    expect(await readyz()).toMatchObject({ status: 200, body: { checks: { slack: 'connected' } } });
  });

  it('replaces a connection that dropped without notice', async () => {
    const dropped = socket.open()[0]!;
    dropped.socket.terminate();
    const next = await socket.waitFor(() => socket.open().find((c) => c.id > dropped.id), 'a new connection');
    expect(next).toBeDefined();
    expect((await amHelp()).status).toBe(200);
  });
});

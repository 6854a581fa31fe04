// Acks depend on nothing remote: the bot asks Slack who it is once at start (auth.test,
// retried while Slack fails) and then acknowledges every kind of request — command,
// button, modal submission, options, event — without waiting for any Web API call.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot } from '../../src/app.ts';
import { encodePageButton } from '../../src/slack/home/home-state.ts';
import { homeIds, ticketIds } from '../../src/slack/ids.ts';
import { startFakeSlack } from '../../src/sandbox/slack-stand-in/server.ts';
import { createTestDatabase } from '../support/database.ts';
import { startTestBot, type TestBot } from '../support/test-bot.ts';
import { testConfig } from '../support/test-config.ts';
import { people } from '../support/tickets.ts';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
  t.slack.setUser(people.eng1, { locale: 'en-US', tz: 'Asia/Shanghai', name: 'eng1' });
});
afterAll(() => t.stop());

const homeWithMoreButton = {
  type: 'home',
  blocks: [{ type: 'actions', block_id: 'paging', elements: [{ type: 'button', action_id: homeIds.nextPage, value: encodePageButton('my_tickets', 2), text: { type: 'plain_text', text: 'More' } }] }],
};

// One request of each kind; each resolves with the ack (the HTTP answer).
const requests = {
  command: () => t.driver.command({ command: '/am', text: 'help', userId: people.eng1, responseUrl: t.slack.responseUrl() }),
  action: () => t.driver.blockAction({ userId: people.eng1, actionId: homeIds.nextPage, view: homeWithMoreButton }),
  // An unreadable submission: answered in the modal, nothing after the ack.
  view: () => t.driver.viewSubmission({ userId: people.eng1, callbackId: ticketIds.newView, values: {} }),
  options: () => t.driver.blockSuggestion({ userId: people.eng1, actionId: ticketIds.customerSearch, value: 'C0001' }),
  event: () => t.driver.event({ type: 'app_home_opened', user: people.eng1, channel: `D${people.eng1}`, tab: 'home' }),
};

describe('authorization', () => {
  it('calls auth.test once at start and never for a request', async () => {
    expect(t.slack.callsTo('auth.test')).toHaveLength(1);
    for (let round = 0; round < 10; round++) {
      const answers = await Promise.all(Object.values(requests).map((send) => send()));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    }
    // Let the listeners' follow-up calls (home publishes, answers) finish too.
    await t.slack.waitFor((c) => c.method === 'views.publish' && c.args.user_id === people.eng1);
    expect(t.slack.callsTo('auth.test')).toHaveLength(1);
  });

  it('asks again, with growing pauses, while Slack fails auth.test, then starts', async () => {
    const database = await createTestDatabase();
    const slack = await startFakeSlack();
    slack.setFaults({ method: 'auth.test', rate500: 1, count: 2 });
    const config = testConfig({ databaseUrl: database.url, slackApiUrl: slack.apiUrl, env: { SLACK_RETRY_BACKOFF_MS: '20' } });
    const bot = await startBot({ config, startJobs: false });
    try {
      const calls = slack.callsTo('auth.test');
      expect(calls.map((c) => c.status)).toEqual([500, 500, 200]);
      // Paused 20 ms, then 40 ms (a lower bound: a timer never fires early).
      expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(19);
      expect(calls[2]!.at - calls[1]!.at).toBeGreaterThanOrEqual(39);
      expect((await fetch(`http://127.0.0.1:${bot.port}/readyz`)).status).toBe(200);
    } finally {
      await bot.stop();
      await slack.close();
      await database.drop();
    }
  });
});

describe('a Slack that has not answered yet', () => {
  it('does not hold up the ack of any kind of request', async () => {
    const firstCall = t.slack.calls.length;
    const stall = t.slack.stall();
    try {
      for (const [kind, send] of Object.entries(requests)) {
        const before = stall.arrived.length;
        const answer = await send();
        expect(answer.status, kind).toBe(200);
        if (kind === 'view') expect(answer.json.response_action).toBe('errors');
        if (kind === 'options') expect(answer.json.options.map((o: { value: string }) => o.value)).toContain('C0001');
        // These two do everything before their ack and nothing after: no call may have left.
        if (kind === 'view' || kind === 'options') expect(stall.arrived.slice(before), kind).toEqual([]);
      }
    } finally {
      stall.release();
    }
    // Once Slack answers, what the listeners do after their acks goes through.
    await t.slack.waitFor((c) => c.method === 'views.publish' && c.ok && t.slack.calls.indexOf(c) >= firstCall, 10_000);
  });
});

describe('a database that has not answered yet', () => {
  it('acknowledges a command and a button before their delivery is recorded, then handles each once', async () => {
    // Holding a lock that every INSERT into seen_deliveries waits for: the database is "slow".
    const locker = new pg.Client({ connectionString: t.databaseUrl });
    await locker.connect();
    const responseUrl = t.slack.responseUrl();
    let answers: number[];
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE seen_deliveries IN EXCLUSIVE MODE');
      const acked = await Promise.all([
        // whoami, not help: help may be answered inside the ack, from memory.
        t.driver.command({ command: '/am', text: 'whoami', userId: people.eng1, responseUrl }),
        requests.action(),
      ]);
      answers = acked.map((a) => a.status);
      // Acked, but not handled: the listener runs once the delivery is recorded.
      expect(t.slack.calls.filter((c) => c.responseUrl === responseUrl)).toEqual([]);
    } finally {
      await locker.query('COMMIT');
      await locker.end();
    }
    expect(answers).toEqual([200, 200]);
    const whoami = await t.slack.waitFor((c) => c.method === 'response_url' && c.responseUrl === responseUrl, 5000);
    expect(whoami.args.response_type).toBe('ephemeral');
    expect(await t.bot.db.seenDelivery.count()).toBeGreaterThan(0);
  });
});

// Two bot processes share one workspace's limits: their senders pace against the same
// rows in Postgres. Two senders here, as two replicas would have, each with its own
// owner id, against one database and a fake Slack that refuses (429) a second message
// to a channel within its per-channel window.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.ts';
import { createSharedPacing } from '../../src/slack/pacing/shared-pacing.ts';
import { createSlackSender, type SlackSender } from '../../src/slack/sender.ts';
import { startFakeSlack, type FakeSlack } from '../../src/sandbox/slack-stand-in/server.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

const gapMillis = 200;

describe('pacing shared by replicas', () => {
  let database: TestDatabase;
  let slack: FakeSlack;
  const senders: SlackSender[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    slack = await startFakeSlack();
  });
  afterEach(async () => {
    await Promise.all(senders.splice(0).map((s) => s.stop()));
    slack.reset();
    slack.enforceChannelRate(null);
    await database.db.$executeRawUnsafe('DELETE FROM slack_channel_turns');
    await database.db.$executeRawUnsafe('DELETE FROM slack_method_budgets');
  });
  afterAll(async () => {
    await slack?.close();
    await database?.drop();
  });

  function replica(owner: string, perMinute?: Record<string, number>): SlackSender {
    const sender = createSlackSender({
      token: 'xoxb-test',
      apiUrl: slack.apiUrl,
      logger: createLogger('silent'),
      pacing: createSharedPacing({ db: database.db, owner, gapMillis }),
      backoffMillis: 10,
      ...(perMinute ? { perMinute } : {}),
    });
    senders.push(sender);
    return sender;
  }

  it('two replicas posting to the same channels take turns: no 429, every message once', async () => {
    // The fake Slack allows one message per channel per 1000/5 = 200 ms: the bot's gap.
    slack.enforceChannelRate({ perSecond: 1000 / gapMillis });
    const [a, b] = [replica('replica-a'), replica('replica-b')];
    const channels = ['C0PACE1', 'C0PACE2', 'C0PACE3'];
    const posts = channels.flatMap((channel) =>
      [a, b].flatMap((sender, s) => [0, 1, 2].map((i) => sender.postMessage({ channel, text: `${channel} from ${s} #${i}` }))),
    );
    await Promise.all(posts);

    expect(slack.stats.rateLimited).toBe(0);
    const delivered = slack.callsTo('chat.postMessage').filter((c) => c.ok);
    expect(delivered).toHaveLength(channels.length * 6);
    for (const channel of channels) {
      const arrivals = delivered.filter((c) => c.args.channel === channel).map((c) => c.at);
      expect(new Set(delivered.filter((c) => c.args.channel === channel).map((c) => c.args.text)).size).toBe(6);
      for (let i = 1; i < arrivals.length; i++) expect(arrivals[i]! - arrivals[i - 1]!).toBeGreaterThanOrEqual(gapMillis);
    }
  });

  it('a method allowance is one budget for all replicas', async () => {
    const perMinute = { 'chat.update': 600 };
    const [a, b] = [replica('replica-a', perMinute), replica('replica-b', perMinute)];
    const posted = await a.postMessage({ channel: 'C0PACE1', text: 'to edit' });
    await Promise.all([a, b, a, b, a].map((sender, i) => sender.updateMessage({ ...posted, text: `edit ${i}` })));
    const [row] = await database.db.$queryRawUnsafe<{ tokens: number }[]>(`SELECT tokens FROM slack_method_budgets WHERE method = 'chat.update'`);
    // Five calls from two processes came out of one bucket of 600 (refilling at 10/s
    // meanwhile, never above the cap): one bucket per process would hold 597 and 598.
    expect(row!.tokens).toBeGreaterThanOrEqual(594);
    expect(row!.tokens).toBeLessThan(597);
  });

  it("a 429's Retry-After holds the method back in every replica", async () => {
    const [a, b] = [replica('replica-a'), replica('replica-b')];
    slack.setFaults({ method: 'views.publish', count: 1, retryAfterSeconds: 1 });
    const view = { type: 'home' as const, blocks: [] };
    await a.publishHome('U0PACEA', view);
    const refused = slack.callsTo('views.publish').find((c) => !c.ok)!;
    // B's call was never refused, yet it waits out the pause A was told about.
    await b.publishHome('U0PACEB', view);
    const bCall = slack.callsTo('views.publish').find((c) => c.args.user_id === 'U0PACEB')!;
    expect(bCall.at - refused.at).toBeGreaterThanOrEqual(1000);
    expect(slack.callsTo('views.publish').filter((c) => c.ok)).toHaveLength(2);
  });
});

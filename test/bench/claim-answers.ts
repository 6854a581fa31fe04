// 50 engineers press Claim on 50 tickets at the same moment, through the real receiver
// and the real bot, with the fake Slack enforcing one post per second per channel. The
// clicker's answer (the response_url reply) comes right after the commit; the channel
// updates, thread lines, manager DMs and Home refreshes follow from the outbox. Prints
// the answer time (request sent → answer received by Slack) and how long the outbox
// took to deliver everything the claims announced.
import { startBot } from '../../src/app.ts';
import { openTicket } from '../../src/domain/tickets/open-ticket.ts';
import { ticketIds } from '../../src/slack/ids.ts';
import { systemClock } from '../../src/clock.ts';
import { startFakeSlack } from '../../src/sandbox/slack-stand-in/server.ts';
import { createSlackDriver } from '../../src/sandbox/slack-stand-in/slack-requests.ts';
import { testConfig, testSigningSecret } from '../support/test-config.ts';
import type { BenchDatabase } from './bench-database.ts';

const clicks = 50;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

export async function benchClaimAnswers(bench: BenchDatabase) {
  const slack = await startFakeSlack();
  const engineers = Array.from({ length: clicks }, (_, i) => `U0BENCHENG${String(i).padStart(2, '0')}`);
  await bench.db.staff.createMany({ data: engineers.map((id) => ({ slackUserId: id, name: id, role: 'field_engineer' as const, regionCode: 'BJ', locale: 'en' })), skipDuplicates: true });
  for (const id of engineers) slack.setUser(id, { locale: 'en-US', tz: 'Asia/Shanghai' });
  const config = testConfig({ databaseUrl: bench.url, slackApiUrl: slack.apiUrl, env: { SLACK_CHANNEL_INTERVAL_MS: '1000', LOG_LEVEL: 'silent', SEED_DEMO_DIRECTORY: 'no' } });
  const bot = await startBot({ config, clock: systemClock, startJobs: false });
  try {
    const driver = createSlackDriver({ baseUrl: `http://127.0.0.1:${bot.port}`, signingSecret: testSigningSecret });
    const tickets = [];
    for (let i = 0; i < clicks; i++) {
      tickets.push((await openTicket(bot.ctx, { actorId: 'api:bench', customerCode: 'C0001', serviceType: 'data_line', scope: 'within_province', description: `Bench claim ${i}` })).ticket);
    }
    await bot.ctx.outbox.idle();
    slack.enforceChannelRate({ perSecond: 1 });
    const messages = await Promise.all(tickets.map(async (t) => {
      const row = await bot.db.ticket.findUniqueOrThrow({ where: { id: t.id } });
      return slack.messages().find((m) => m.ts === row.messageTs && m.channel === row.channelId)!;
    }));

    const urls = engineers.map((userId, i) => slack.responseUrl({ channel: messages[i]!.channel, messageTs: messages[i]!.ts, userId }));
    const sentAt = performance.now();
    const sentAtWall = Date.now();
    await Promise.all(engineers.map((userId, i) => driver.blockAction({ userId, actionId: ticketIds.claim, message: messages[i]!, responseUrl: urls[i] })));
    const acked = performance.now() - sentAt;
    const answered = () => slack.calls.filter((c) => c.method === 'response_url' && urls.includes(c.responseUrl!));
    while (answered().length < clicks && performance.now() - sentAt < 60_000) await new Promise((r) => setTimeout(r, 5));
    const answers = answered().map((c) => c.at - sentAtWall).sort((a, b) => a - b);
    await bot.ctx.outbox.idle();
    const allDelivered = performance.now() - sentAt;
    return {
      'claims at once': clicks,
      'all acked after': `${acked.toFixed(0)} ms`,
      'clicker answered, p50': `${percentile(answers, 50)} ms`,
      'clicker answered, p99': `${percentile(answers, 99)} ms`,
      'answers received': `${answers.length} of ${clicks}`,
      'outbox done (channel updates, threads, DMs, Homes)': `${(allDelivered / 1000).toFixed(1)} s`,
      '429s from the channel limit': slack.stats.rateLimited,
    };
  } finally {
    await bot.stop();
    await slack.close();
  }
}

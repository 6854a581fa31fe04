// Slack calls one ticket's life costs: opened through POST /api/tickets, claimed with the
// channel message's button, restored through the Restore button and its modal — all real
// requests to the bot — counted by method from the fake Slack's log once the outbox is
// idle; with nobody and with 20 people having their Home tab open. Then what that allows
// per workspace at Slack's rate tiers (../shared/slack-platform.md).
import { startBot } from '../../src/app.ts';
import { systemClock } from '../../src/clock.ts';
import { ticketIds } from '../../src/slack/ids.ts';
import { startFakeSlack, type FakeSlack } from '../../src/sandbox/slack-stand-in/server.ts';
import { createSlackDriver, plainText, type SlackDriver } from '../../src/sandbox/slack-stand-in/slack-requests.ts';
import { testConfig, testSigningSecret } from '../support/test-config.ts';
import type { BenchDatabase } from './bench-database.ts';

const apiToken = 'bench-ticket-calls-token-0123456789';
const engineer = 'U0DEMOENG1';
// Who has the ticket on their Home: its customer's account manager, a supervisor, 18 engineers of the region.
const viewers = ['U0DEMOAM1', 'U0DEMOSUP1', ...Array.from({ length: 18 }, (_, i) => `U0BENCHVIEW${String(i).padStart(2, '0')}`)];

/** Per minute per workspace (chat.postMessage also ~1 a second per channel). */
export const slackBudgets: Record<string, number> = { 'chat.postMessage': 600, 'chat.update': 50, 'views.publish': 100, 'views.open': 100, 'users.info': 100, 'conversations.open': 50 };

export async function benchTicketCalls(bench: BenchDatabase): Promise<Record<string, unknown>> {
  await bench.db.staff.createMany({ data: viewers.slice(2).map((id) => ({ slackUserId: id, name: id, role: 'field_engineer' as const, regionCode: 'BJ', locale: 'en' })), skipDuplicates: true });
  const slack = await startFakeSlack();
  for (const id of [engineer, ...viewers]) slack.setUser(id, { locale: 'en-US', tz: 'Asia/Shanghai' });
  const config = testConfig({ databaseUrl: bench.url, slackApiUrl: slack.apiUrl, env: { SLACK_CHANNEL_INTERVAL_MS: '1000', LOG_LEVEL: 'silent', SEED_DEMO_DIRECTORY: 'no', TICKET_API_TOKEN: apiToken } });
  const bot = await startBot({ config, clock: systemClock, startJobs: false });
  const figures: Record<string, unknown> = {};
  try {
    const driver = createSlackDriver({ baseUrl: `http://127.0.0.1:${bot.port}`, signingSecret: testSigningSecret });
    const life = async (n: number) => {
      const from = slack.calls.length;
      await ticketLife(slack, driver, bot, n);
      const calls = slack.calls.slice(from);
      const posts = calls.filter((c) => c.method === 'chat.postMessage').map((c) => String(c.args.channel));
      channelPosts.set(n, `${posts.filter((c) => c.startsWith('C')).length} in channels (${[...new Set(posts.filter((c) => c.startsWith('C')))].join(', ')}), ${posts.filter((c) => !c.startsWith('C')).length} direct messages`);
      return countByMethod(calls);
    };
    const channelPosts = new Map<number, string>();
    await life(0); // warm-up: profiles and DM channels cached as in a running bot
    const alone = await life(1);
    for (const id of viewers) await driver.event({ type: 'app_home_opened', user: id, channel: `D${id}`, tab: 'home' });
    await bot.ctx.outbox.idle();
    const watched = await life(2);
    for (const [label, counts, n] of [['nobody', alone, 1], ['20', watched, 2]] as const) {
      figures[`calls per ticket life, Home open for ${label}`] = describe(counts);
      figures[`  chat.postMessage (${label})`] = channelPosts.get(n);
      figures[`  tickets/minute per workspace (${label})`] = ticketsPerMinute(counts);
    }
    figures['fake Slack rejections'] = slack.rejections.length;
    return figures;
  } finally {
    await bot.stop();
    await slack.close();
  }
}

async function ticketLife(slack: FakeSlack, driver: SlackDriver, bot: Awaited<ReturnType<typeof startBot>>, n: number): Promise<void> {
  const res = await fetch(`http://127.0.0.1:${bot.port}/api/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiToken}` },
    body: JSON.stringify({ customerCode: 'C0001', serviceType: 'internet_line', scope: 'within_province', description: `Bench life ${n}`, externalRef: `BENCH-LIFE-${process.pid}-${n}` }),
  });
  const { number } = (await res.json()) as { number: string };
  await bot.ctx.outbox.idle();
  const message = async () => {
    const ticket = await bot.db.ticket.findUniqueOrThrow({ where: { number } });
    return slack.messages().find((m) => m.ts === ticket.messageTs && m.channel === ticket.channelId)!;
  };
  // The clicker is answered after the commit; what the claim announced is in the outbox by then.
  const claimAnswer = slack.responseUrl();
  await driver.blockAction({ userId: engineer, actionId: ticketIds.claim, message: await message(), responseUrl: claimAnswer });
  await slack.waitFor((c) => c.method === 'response_url' && c.responseUrl === claimAnswer, 10_000);
  await bot.ctx.outbox.idle();
  const triggerId = `bench-restore-${process.pid}-${n}`;
  await driver.blockAction({ userId: engineer, actionId: ticketIds.restore, message: await message(), responseUrl: slack.responseUrl(), triggerId });
  const modal = (await slack.waitFor((c) => c.method === 'views.open' && c.args.trigger_id === triggerId, 10_000)).response.view;
  await driver.viewSubmission({ userId: engineer, view: modal, values: { cause: { cause: plainText('Fibre cut') }, action: { action: plainText('Spliced') } } });
  await bot.ctx.outbox.idle();
}

function countByMethod(calls: { method: string }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { method } of calls) counts.set(method, (counts.get(method) ?? 0) + 1);
  return new Map([...counts].sort((a, b) => b[1] - a[1]));
}

const describe = (counts: Map<string, number>) => [...counts].map(([method, n]) => `${n} ${method}`).join(', ');

/** The method that runs out first at its tier, and how many tickets a minute that leaves. */
function ticketsPerMinute(counts: Map<string, number>): string {
  const limits = [...counts].filter(([method]) => slackBudgets[method]).map(([method, n]) => [method, slackBudgets[method]! / n] as const);
  const [method, perMinute] = limits.sort((a, b) => a[1] - b[1])[0]!;
  return `${perMinute.toFixed(1)} (bound by ${method}: ${slackBudgets[method]}/min ÷ ${counts.get(method)})`;
}

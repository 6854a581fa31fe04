// GET /metrics after some traffic: the bot's own metrics carry the numbers that
// happened — acks by kind, Slack calls by method and outcome, the timer lag, failed
// deliveries, overdue tickets — behind the optional bearer token; and a gauge added
// through the extension point is read from the database at scrape time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandAnswer } from '../support/command-answer.ts';
import { startTestBot, type TestBot } from '../support/test-bot.ts';
import { channels, introducePeople, people, postsTo, until } from '../support/tickets.ts';
import { hours } from '../support/test-clock.ts';

const metricsToken = 'metrics-scraper-token-0123';
const ticketToken = 'fault-system-token-0123456789';
let t: TestBot;
beforeAll(async () => {
  t = await startTestBot({ now: '2026-11-23T02:00:00Z', env: { METRICS_TOKEN: metricsToken, TICKET_API_TOKEN: ticketToken } });
  introducePeople(t.slack);
});
afterAll(() => t.stop());

async function scrape(authorization = `Bearer ${metricsToken}`) {
  const res = await fetch(`${t.baseUrl}/metrics`, { headers: authorization ? { authorization } : {} });
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

/** The value of one sample, e.g. value(text, 'x_total', { method: 'chat.postMessage' }); undefined when absent. */
function value(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) return Number(match[3]);
  }
  return undefined;
}

const openTicket = (customerCode: string) =>
  fetch(`${t.baseUrl}/api/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ticketToken}` },
    body: JSON.stringify({ customerCode, serviceType: 'internet_line', scope: 'within_province', description: 'Line down' }),
  });

describe('GET /metrics', () => {
  it('asks for the bearer token when METRICS_TOKEN is set', async () => {
    expect((await scrape('')).status).toBe(401);
    expect((await scrape(`Bearer ${metricsToken}x`)).status).toBe(401);
    const ok = await scrape();
    expect(ok.status).toBe(200);
    expect(ok.type).toContain('text/plain');
    expect(value(ok.text, 'keyaccount_timer_lag_seconds')).toBe(0);
    expect(value(ok.text, 'keyaccount_tickets_past_restore_deadline', { region: 'BJ' })).toBe(0);
    expect(value(ok.text, 'keyaccount_delivery_failures_unresolved')).toBe(0);
    // The process's own figures come along (memory, event loop).
    expect(value(ok.text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('counts acks by kind and Slack calls by method and outcome', async () => {
    for (let i = 0; i < 3; i++) {
      const responseUrl = t.slack.responseUrl();
      const ack = await t.driver.command({ command: '/am', text: 'help', userId: people.eng1, responseUrl });
      expect(ack.status).toBe(200);
      await commandAnswer(t.slack, ack, responseUrl);
    }
    expect((await t.driver.event({ type: 'app_home_opened', user: people.eng1, channel: `D${people.eng1}`, tab: 'home' })).status).toBe(200);
    await t.slack.waitFor((c) => c.method === 'views.publish' && c.args.user_id === people.eng1);

    // The ticket's channel post meets one 429 (then goes out); Shanghai's channel refuses for good.
    t.slack.setFaults({ method: 'chat.postMessage', count: 1, retryAfterSeconds: 0 });
    expect((await openTicket('C0001')).status).toBe(201);
    await until(t, 'the Beijing ticket post', () => postsTo(t, channels.bjTickets, (text) => text.includes('T-20261123-001')).length === 1);
    t.slack.setChannelError(channels.shTickets, 'not_in_channel');
    const shanghaiCustomer = await t.bot.db.customer.findFirstOrThrow({ where: { regionCode: 'SH' } });
    expect((await openTicket(shanghaiCustomer.code)).status).toBe(201);
    await until(t, 'the refused post recorded', async () => (await t.bot.db.deliveryFailure.count()) === 1);

    const { text } = await scrape();
    expect(value(text, 'keyaccount_slack_ack_seconds_count', { kind: 'command' })).toBe(3);
    expect(value(text, 'keyaccount_slack_ack_seconds_count', { kind: 'event' })).toBe(1);
    // Acks take far less than Slack's 3 seconds: all of them fall in the 3 s bucket.
    expect(value(text, 'keyaccount_slack_ack_seconds_bucket', { kind: 'command', le: '3' })).toBe(3);
    const calls = (labels: Record<string, string>) => value(text, 'keyaccount_slack_api_calls_total', labels);
    expect(calls({ client: 'sender', method: 'chat.postMessage', outcome: 'rate_limited' })).toBe(1);
    expect(calls({ client: 'sender', method: 'chat.postMessage', outcome: 'permanent' })).toBe(1);
    expect(calls({ client: 'sender', method: 'chat.postMessage', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(calls({ client: 'sender', method: 'views.publish', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(calls({ client: 'listeners', method: 'users.info', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(calls({ method: 'auth.test' }), 'auth.test is not asked through the listeners’ client').toBeUndefined();
    expect(value(text, 'keyaccount_delivery_failures_unresolved')).toBe(1);
  });

  it('reads the timer lag and the overdue tickets at the clock of the scrape', async () => {
    const oldest = await t.bot.db.timer.findFirstOrThrow({ where: { dueAt: { not: null } }, orderBy: { dueAt: 'asc' } });
    // Six hours on, both tickets (AAA/A within the province: 2 h and 6 h) are past their deadline.
    t.clock.set(new Date(Date.parse('2026-11-23T02:00:00Z') + hours(6) + 1000));
    const { text } = await scrape();
    expect(value(text, 'keyaccount_timer_lag_seconds')).toBe((t.clock.now().getTime() - oldest.dueAt!.getTime()) / 1000);
    expect(value(text, 'keyaccount_timers_due')).toBe(await t.bot.db.timer.count({ where: { dueAt: { lte: t.clock.now() } } }));
    expect(value(text, 'keyaccount_tickets_past_restore_deadline', { region: 'BJ' })).toBe(1);
    expect(value(text, 'keyaccount_tickets_past_restore_deadline', { region: 'SH' })).toBe(1);
  });

  it('takes further gauges computed by a database query at scrape time', async () => {
    t.bot.ctx.metrics.addDatabaseGauge({
      name: 'keyaccount_test_open_tickets',
      help: 'Open tickets (a test of the extension point)',
      read: ({ db }) => db.ticket.count({ where: { status: 'open' } }),
    });
    t.bot.ctx.metrics.addDatabaseGauge({
      name: 'keyaccount_test_broken',
      help: 'A gauge whose query fails',
      read: ({ db }) => db.$queryRaw`SELECT * FROM no_such_table`.then(() => 1),
    });
    const { status, text } = await scrape();
    expect(status).toBe(200);
    expect(value(text, 'keyaccount_test_open_tickets')).toBe(2);
    expect(value(text, 'keyaccount_test_broken'), 'unknown, not 0').toBeNaN();
    expect(value(text, 'keyaccount_metric_read_failures_total', { gauge: 'keyaccount_test_broken' })).toBe(1);
  });
});

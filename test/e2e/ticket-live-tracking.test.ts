// Live tracking (介入制) of a diamond customer's ticket, end to end: the account manager
// gets one DM for the ticket, updated in place (chat.update) at each step and countdown
// ping instead of a stream of notices; "Customer informed" is audited and resets the
// reminder timer; the ticket message and the Home say when the customer last heard.
// Clock injected, sweep run by hand at exact instants.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerInformedAction, liveTrackingTimer } from '../../src/domain/tickets/live-tracking.ts';
import { ticketIds } from '../../src/slack/ids.ts';
import { buildMonthlyReport } from '../../src/domain/reports/monthly-report.ts';
import { monthlyReportMessage } from '../../src/slack/reports/monthly-report-message.ts';
import { startTestBot, type TestBot } from '../support/test-bot.ts';
import { plainText } from '../../src/sandbox/slack-stand-in/view-state.ts';
import { answersTo, clickTicketButton, introducePeople, openTicketByModal, people, postsTo, sweep, ticketMessage, timerOf, until } from '../support/tickets.ts';

const at = (hhmm: string) => `2026-11-23T${hhmm}:00Z`;
const textOf = (value: unknown) => JSON.stringify(value);

describe('a diamond customer’s ticket tracked live by the account manager', () => {
  let t: TestBot;
  let ticket: { id: string; number: string };

  /** The live DM as the fake Slack holds it now. */
  const liveDm = async () => {
    const row = await t.bot.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(row.liveChannelId, 'the live DM was posted').toBeTruthy();
    return t.slack.messages().find((m) => m.channel === row.liveChannelId && m.ts === row.liveMessageTs)!;
  };
  /** Every new message to the manager that names the ticket (the live DM once, the reminders). */
  const postsToManager = () => postsTo(t, people.am1, (text) => text.includes(ticket.number));
  const liveUpdates = async () => {
    const row = await t.bot.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    return t.slack.calls.filter((c) => c.method === 'chat.update' && c.ok && c.args.channel === row.liveChannelId && c.args.ts === row.liveMessageTs).length;
  };
  const clickInformed = async (userId: string) => {
    await t.bot.ctx.outbox.idle();
    const message = await liveDm();
    const responseUrl = t.slack.responseUrl({ channel: message.channel, messageTs: message.ts, userId });
    const response = await t.driver.blockAction({ userId, actionId: ticketIds.customerInformed, message, responseUrl });
    expect(response.status).toBe(200);
    await t.slack.waitFor((c) => c.method === 'response_url' && c.responseUrl === responseUrl, 5000);
    await t.bot.ctx.outbox.idle();
    return answersTo(t, responseUrl).map((c) => String(c.args.text));
  };
  const reminderDue = async () => (await timerOf(t, liveTrackingTimer, ticket.id))?.dueAt?.toISOString().slice(11, 16) ?? null;

  beforeAll(async () => {
    t = await startTestBot({ now: at('02:00') });
    introducePeople(t.slack);
    // C0004 周文华: diamond card, account manager am1; opened by the engineer.
    ticket = await openTicketByModal(t, { userId: people.eng1, customer: 'C0004' });
    await t.bot.ctx.outbox.idle();
  });
  afterAll(() => t.stop());

  it('posts one live DM to the account manager, with the countdown, the steps and Customer informed', async () => {
    const dm = await liveDm();
    expect(dm.channel).toBe(`D${people.am1}`);
    expect(dm.blocks?.[0]?.text.text).toBe(`实时跟踪：${ticket.number} · 周文华`);
    expect(textOf(dm.blocks)).toContain('尚未通知客户');
    expect(textOf(dm.blocks)).toContain(ticketIds.customerInformed);
    // Instead of the "opened" notice: exactly one message so far.
    expect(postsToManager()).toHaveLength(1);
    expect(await reminderDue()).toBe('02:30');
  });

  it('updates the same DM in place when the ticket is claimed — no new message', async () => {
    t.clock.set(at('02:05'));
    const before = await liveUpdates();
    await clickTicketButton(t, { userId: people.eng1, number: ticket.number, actionId: ticketIds.claim });
    await until(t, 'claimed', async () => (await t.bot.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).status === 'claimed');
    await t.bot.ctx.outbox.idle();
    expect(await liveUpdates()).toBeGreaterThan(before);
    expect(textOf((await liveDm()).blocks)).toContain(`<@${people.eng1}>`);
    expect(postsToManager()).toHaveLength(1);
  });

  it('refuses Customer informed from someone who is not the account manager, recording nothing', async () => {
    const answers = await clickInformed(people.eng1);
    expect(answers.join(' ')).toMatch(/account manager/);
    expect(await t.bot.db.auditEntry.count({ where: { action: customerInformedAction } })).toBe(0);
    expect(await reminderDue()).toBe('02:30');
  });

  it('records Customer informed (audited), shows it on the DM, the ticket message and the Home, and resets the reminder', async () => {
    t.clock.set(at('02:20'));
    const answers = await clickInformed(people.am1);
    expect(answers.join(' ')).toContain(ticket.number);
    const audit = await t.bot.db.auditEntry.findMany({ where: { action: customerInformedAction } });
    expect(audit.map((a) => [a.actorId, a.subject, a.at.toISOString()])).toEqual([[people.am1, `ticket:${ticket.id}`, '2026-11-23T02:20:00.000Z']]);
    expect(await reminderDue()).toBe('02:50');
    expect(textOf((await liveDm()).blocks)).toContain('客户上次获知进展：0 分钟前');
    expect(textOf((await liveDm()).blocks)).toContain('已通知客户');

    // The ticket message (many readers) says it too…
    expect(textOf((await ticketMessage(t, ticket.number)).blocks)).toContain('客户上次获知进展：0 分钟前');
    // …and the manager's Home, as of the moment it is drawn.
    t.clock.set(at('02:32'));
    const from = t.slack.calls.length;
    await t.driver.event({ type: 'app_home_opened', user: people.am1, channel: `D${people.am1}`, tab: 'home' });
    await until(t, 'the Home published', () => t.slack.calls.slice(from).some((c) => c.method === 'views.publish' && c.args.user_id === people.am1), 10_000);
    expect(textOf(t.slack.homeViewOf(people.am1))).toContain('客户上次获知进展：12 分钟前');
  });

  it('does not remind at 02:30 (informed at 02:20), reminds at 02:50, once, and again after another 30 silent minutes', async () => {
    t.clock.set(at('02:30'));
    await sweep(t);
    const reminders = () => postsToManager().filter((c) => String(c.args.text).includes('分钟未获知进展'));
    expect(reminders()).toHaveLength(0);
    t.clock.set(at('02:50'));
    await sweep(t);
    expect(reminders()).toHaveLength(1);
    expect(String(reminders()[0]!.args.text)).toContain('30 分钟');
    await sweep(t);
    expect(reminders()).toHaveLength(1);
    expect(await reminderDue()).toBe('03:20');
  });

  it('follows the countdown: the half-time ping updates the live DM in place', async () => {
    t.clock.set(at('03:00'));
    const before = await liveUpdates();
    const posts = postsToManager().length;
    await sweep(t);
    expect(await liveUpdates()).toBeGreaterThan(before);
    expect(postsToManager()).toHaveLength(posts);
  });

  it('ends with the restore: the DM shows it, without the button, and the reminders stop', async () => {
    t.clock.set(at('03:10'));
    await clickTicketButton(t, { userId: people.eng1, number: ticket.number, actionId: ticketIds.restore, triggerId: 'trigger-live-restore' });
    const modal = (await t.slack.waitFor((c) => c.method === 'views.open' && c.args.trigger_id === 'trigger-live-restore')).response.view;
    const restored = await t.driver.viewSubmission({ userId: people.eng1, view: modal, values: { cause: { cause: plainText('Card fault') }, action: { action: plainText('Replaced the card') } } });
    expect(restored.text).toBe('');
    await until(t, 'restored', async () => (await t.bot.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).status === 'restored');
    await t.bot.ctx.outbox.idle();
    const dm = await liveDm();
    expect(textOf(dm.blocks)).toContain('实时跟踪已结束');
    expect(textOf(dm.blocks)).not.toContain(ticketIds.customerInformed);
    const posts = postsToManager().length;
    t.clock.set(at('03:20'));
    await sweep(t);
    expect(postsToManager()).toHaveLength(posts);
    // Still the one live DM (plus the one reminder): no stream of notices.
    expect(postsToManager().filter((c) => c.args.blocks?.[0]?.type === 'header')).toHaveLength(1);
    t.slack.assertNoRejections();
  });

  it('puts the longest silence in the monthly report: 02:20 → restored 03:10 is 50 min', async () => {
    const report = await buildMonthlyReport(t.bot.ctx, { regionCode: 'BJ', month: '2026-11', timeZone: 'Asia/Shanghai' });
    expect(report.liveTracking?.tickets).toEqual([{ number: ticket.number, customerName: '周文华', longestSilenceMinutes: 50, informed: 1, stillOpen: false }]);
    expect(textOf(monthlyReportMessage('en', report).blocks)).toContain(`${ticket.number} · 周文华: longest silence 50 min · informed 1×`);
  });
});

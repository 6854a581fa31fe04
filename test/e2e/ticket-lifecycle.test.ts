// A ticket's whole life through the signed receiver and the fake Slack: opened from
// the modal (customer search included), claimed, on site, restored (modal), closed —
// with the channel message updated in place, the history in its thread, the audit
// trail, and the account manager of an AAA customer told of every step.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticketTimerKinds } from '../../src/domain/tickets/ticket-timers.ts';
import { ticketIds } from '../../src/slack/ids.ts';
import { startTestBot, type TestBot } from '../support/test-bot.ts';
import { plainText } from '../../src/sandbox/slack-stand-in/view-state.ts';
import {
  buttonIds,
  channels,
  clickTicketButton,
  introducePeople,
  openTicketByModal,
  people,
  postsTo,
  ticketCommand,
  ticketMessage,
  timerOf,
  until,
} from '../support/tickets.ts';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot({ now: '2026-11-23T02:00:00Z' });
  introducePeople(t.slack);
});
afterAll(() => t.stop());

describe('a fault ticket from opening to closing', () => {
  it('goes open → claimed → on site → restored → closed, every step visible and audited', async () => {
    // Opened by the account manager for an AAA group customer, internet line within the province.
    const opened = await openTicketByModal(t, { userId: people.am1, customer: 'C0001', service: 'internet_line', scope: 'within_province' });
    expect(opened).toMatchObject({ number: 'T-20261123-001', status: 'open', serviceLevel: 'AAA', windowMinutes: 120, regionCode: 'BJ', contactPhone: '13800138000' });
    expect(opened.restoreDeadline.toISOString()).toBe('2026-11-23T04:00:00.000Z');
    const number = opened.number;

    let message = await ticketMessage(t, number);
    expect(message.channel).toBe(channels.bjTickets);
    expect(buttonIds(message)).toEqual([ticketIds.claim, ticketIds.major, ticketIds.pause, ticketIds.addNote]);
    // The customer's account manager is named (and mentioned) on the ticket.
    const fields = message.blocks!.flatMap((b) => (b.fields ?? []).map((f: { text: string }) => f.text));
    expect(fields).toContainEqual(expect.stringMatching(new RegExp(`客户经理[\\s\\S]*<@${people.am1}>`)));
    // The deadline in Slack date formatting: each reader sees their own local time.
    expect(JSON.stringify(message.blocks)).toContain(`<!date^${Date.parse('2026-11-23T04:00:00Z') / 1000}^`);
    // The account manager opened it: one confirmation, no separate "opened" notice.
    await until(t, 'opening confirmation', () => postsTo(t, people.am1).length === 1);

    // Claim by the button: the Claim button comes off, the claimer is told privately.
    const claimAnswer = await clickTicketButton(t, { userId: people.eng1, number, actionId: ticketIds.claim });
    await t.slack.waitFor((c) => c.method === 'response_url' && c.responseUrl === claimAnswer);
    // The clicker is answered first; the channel message follows from the outbox.
    await t.bot.ctx.outbox.idle();
    message = await ticketMessage(t, number);
    expect(buttonIds(message)).toEqual([ticketIds.onSite, ticketIds.restore, ticketIds.release, ticketIds.major, ticketIds.pause, ticketIds.addNote]);
    expect(JSON.stringify(message.blocks)).toContain(`<@${people.eng1}>`);

    await clickTicketButton(t, { userId: people.eng1, number, actionId: ticketIds.onSite });
    await until(t, 'on site', async () => (await t.bot.db.ticket.findUniqueOrThrow({ where: { number } })).status === 'on_site');
    await until(t, 'message shows on site', async () => !buttonIds(await ticketMessage(t, number)).includes(ticketIds.onSite));

    // Restore: the button opens a modal; cause and what was done are recorded.
    await clickTicketButton(t, { userId: people.eng1, number, actionId: ticketIds.restore, triggerId: 'trigger-restore-1' });
    const modal = (await t.slack.waitFor((c) => c.method === 'views.open' && c.args.trigger_id === 'trigger-restore-1')).response.view;
    const restored = await t.driver.viewSubmission({
      userId: people.eng1,
      view: modal,
      values: { cause: { cause: plainText('Fibre cut by road works') }, action: { action: plainText('Spliced the fibre, tested the line') } },
    });
    expect(restored.text).toBe('');
    const afterRestore = await t.bot.db.ticket.findUniqueOrThrow({ where: { number } });
    expect(afterRestore).toMatchObject({ status: 'restored', restoreCause: 'Fibre cut by road works', restoreAction: 'Spliced the fibre, tested the line' });
    // The SLA clock stopped: no timer of the ticket is pending any more.
    for (const kind of Object.values(ticketTimerKinds)) expect((await timerOf(t, kind, opened.id))?.dueAt ?? null).toBeNull();
    await until(t, 'message offers Close', async () => buttonIds(await ticketMessage(t, number)).includes(ticketIds.close));

    await clickTicketButton(t, { userId: people.eng1, number, actionId: ticketIds.close });
    await until(t, 'closed', async () => (await t.bot.db.ticket.findUniqueOrThrow({ where: { number } })).status === 'closed');
    await until(t, 'message without buttons', async () => buttonIds(await ticketMessage(t, number)).length === 0);

    // The audit trail: who, when, from which state.
    const audit = await t.bot.db.auditEntry.findMany({ where: { subject: `ticket:${opened.id}` }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => [a.action, a.actorId, (a.detail as any).from, (a.detail as any).to])).toEqual([
      ['ticket.opened', people.am1, null, 'open'],
      ['ticket.claimed', people.eng1, 'open', 'claimed'],
      ['ticket.on_site', people.eng1, 'claimed', 'on_site'],
      ['ticket.restored', people.eng1, 'on_site', 'restored'],
      ['ticket.closed', people.eng1, 'restored', 'closed'],
    ]);

    // The history in the message's thread, one line per step; the message itself was updated in place.
    await until(t, 'four history lines', () => t.slack.messages().filter((m) => m.thread_ts === message.ts).length === 4);
    const thread = t.slack.messages().filter((m) => m.thread_ts === message.ts).map((m) => m.text);
    expect(thread[2]).toContain('Fibre cut by road works');
    expect((await ticketMessage(t, number)).edits).toBeGreaterThanOrEqual(4);

    // AAA customer: the account manager hears of every step (after their own confirmation of the opening).
    // (Besides the care callback the restore owes an AAA customer: one task, with the care script.)
    const careTask = (text: string) => text.includes('回访话术');
    await until(t, 'manager notices', () => postsTo(t, people.am1, (text) => text.includes(number) && !careTask(text)).length === 5);
    expect(postsTo(t, people.am1, (text) => !careTask(text)).map((c) => String(c.args.text).match(/：<@\w+>(\S+?)。/)?.[1])).toEqual([undefined, '认领', '到场', '业务恢复', '关闭（客户已确认）']);
    expect(postsTo(t, people.am1, careTask)).toHaveLength(1);
    t.slack.assertNoRejections();
  });

  it('shows the ticket with its history, and lets a supervisor cancel another one', async () => {
    const second = await openTicketByModal(t, { userId: people.am2, customer: 'C0003', service: 'voice_line', scope: 'across_provinces' });
    expect(second).toMatchObject({ number: 'T-20261123-002', serviceLevel: 'A', windowMinutes: 360 });

    const cancelled = await ticketCommand(t, people.sup1, `cancel ${second.number} duplicate of T-20261123-001`);
    expect(cancelled.text).toContain('cancelled');
    expect(await t.bot.db.ticket.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({ status: 'cancelled', cancelReason: 'duplicate of T-20261123-001' });

    const shown = await ticketCommand(t, people.eng1, 'show T-20261123-001');
    const text = JSON.stringify(shown.blocks);
    expect(text).toContain('History');
    expect(text).toContain('Fibre cut by road works');
    expect(text).not.toContain('"type":"actions"');
    t.slack.assertNoRejections();
  });
});

// Pausing a ticket's SLA clock through a supervisor's approval, end to end (signed
// requests → receiver → fake Slack, clock injected, sweeps run at chosen instants).
// AA ticket opened 10:00 → deadline 14:00; paused from 11:00 (approval) to 11:45
// (resume) → deadline 14:45, and every countdown ping 45 minutes later than before.
// Engineers and supervisors read English; the ticket channel message is in the bot's Chinese.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticketTimerKinds } from '../../src/domain/tickets/ticket-timers.ts';
import { approvalIds, ticketIds } from '../../src/slack/ids.ts';
import type { FakeMessage } from '../../src/sandbox/slack-stand-in/server.ts';
import { retentionDriver } from '../support/retention-driver.ts';
import { startTestBot, type TestBot } from '../support/test-bot.ts';
import {
  answersTo,
  buttonIds,
  channels,
  clickTicketButton,
  introducePeople,
  openTicketByModal,
  people,
  postsTo,
  sweep,
  ticketCommand,
  ticketMessage,
  timerOf,
  until,
} from '../support/tickets.ts';
import { plainText } from '../../src/sandbox/slack-stand-in/view-state.ts';

const at = (hhmm: string) => new Date(`2026-11-23T${hhmm}:00Z`);
const hhmm = (date: Date | null | undefined) => date?.toISOString().slice(11, 16) ?? null;

type Ticket = { id: string; number: string };

function pauseHelpers(t: TestBot) {
  const approvals = retentionDriver(t);
  const current = (ticket: Ticket) => t.bot.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
  const slaDue = async (ticket: Ticket) => hhmm((await timerOf(t, ticketTimerKinds.sla, ticket.id))?.dueAt);
  const pendingRequests = (ticket: Ticket) => t.bot.db.approvalRequest.count({ where: { kind: 'ticket.sla_pause', subjectId: ticket.id, status: 'pending' } });
  const messageShows = async (ticket: Ticket, text: string) => JSON.stringify((await ticketMessage(t, ticket.number)).blocks).includes(text);

  /** The request's message in the supervisors' channel, once the bot has posted and recorded it. */
  async function approvalMessageOf(ticket: Ticket): Promise<{ id: bigint; message: FakeMessage }> {
    let found: { id: bigint; messageTs: string | null } | null = null;
    await until(t, 'the pause request posted to the supervisors', async () => {
      found = await t.bot.db.approvalRequest.findFirst({ where: { kind: 'ticket.sla_pause', subjectId: ticket.id, status: 'pending', messageTs: { not: null } } });
      return found !== null;
    });
    const { id, messageTs } = found!;
    return { id, message: t.slack.messageIn(channels.bjSupervisors, (m) => m.ts === messageTs)! };
  }

  /** "Pause clock" on the ticket message → the reason modal → submitted; returns the ack body. */
  async function pauseByButton(ticket: Ticket, userId: string, reason: string) {
    const triggerId = `trigger-pause-${ticket.number}-${userId}-${Date.now()}`;
    await clickTicketButton(t, { userId, number: ticket.number, actionId: ticketIds.pause, triggerId });
    const view = (await t.slack.waitFor((c) => c.method === 'views.open' && c.args.trigger_id === triggerId)).response.view;
    const submitted = await t.driver.viewSubmission({ userId, view, values: { reason: { reason: plainText(reason) } } });
    expect(submitted.status).toBe(200);
    return submitted;
  }

  /** SLA countdown pings DMed to the engineer about this ticket. */
  const pingsTo = (userId: string, ticket: Ticket) =>
    postsTo(t, userId, (text) => text.includes(`*${ticket.number}*`) && /half of the|minutes left|SLA is breached|past the deadline/.test(text));

  return { approvals, current, slaDue, pendingRequests, messageShows, approvalMessageOf, pauseByButton, pingsTo };
}

describe('an approved pause moves the deadline and every ping by exactly the paused time', () => {
  let t: TestBot;
  let h: ReturnType<typeof pauseHelpers>;
  let ticket: Ticket;

  beforeAll(async () => {
    t = await startTestBot({ now: at('10:00').toISOString() });
    introducePeople(t.slack);
    h = pauseHelpers(t);
    ticket = await openTicketByModal(t, { userId: people.am1, customer: 'C0002' }); // AA, within the province: 4 h
    t.clock.set(at('10:05'));
    await ticketCommand(t, people.eng1, `claim ${ticket.number}`);
    await ticketCommand(t, people.eng1, `onsite ${ticket.number}`); // no "still on it?" question to mix in
  });
  afterAll(() => t.stop());

  it('starts with the deadline at 14:00 and the first ping at half time, 12:00', async () => {
    expect(hhmm((await h.current(ticket)).restoreDeadline)).toBe('14:00');
    expect(await h.slaDue(ticket)).toBe('12:00');
    expect(buttonIds(await ticketMessage(t, ticket.number))).toContain(ticketIds.pause);
  });

  it('refuses a pause asked for by someone who neither holds the ticket nor supervises its region, and changes nothing', async () => {
    t.clock.set(at('10:20'));
    const answer = await ticketCommand(t, people.eng2, `pause ${ticket.number} no site access`);
    expect(answer.text).toContain('Only the engineer who claimed');
    // The button refuses before any form opens.
    const triggerId = 'trigger-pause-refused';
    const responseUrl = await clickTicketButton(t, { userId: people.am1, number: ticket.number, actionId: ticketIds.pause, triggerId });
    await until(t, 'the refusal', () => answersTo(t, responseUrl).length === 1);
    expect(answersTo(t, responseUrl)[0]!.args).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('这一步只能由认领') });
    expect(t.slack.callsTo('views.open').filter((c) => c.args.trigger_id === triggerId)).toHaveLength(0);
    expect(await t.bot.db.approvalRequest.count({ where: { kind: 'ticket.sla_pause' } })).toBe(0);
    const after = await h.current(ticket);
    expect([after.pausedSince, after.pauseRequestId, hhmm(after.restoreDeadline)]).toEqual([null, null, '14:00']);
  });

  it('a pause asked for by the claimer goes to the region’s supervisors; the clock keeps running meanwhile', async () => {
    t.clock.set(at('10:30'));
    const submitted = await h.pauseByButton(ticket, people.eng1, 'no site access: the building is locked');
    expect(submitted.text, 'the modal closed without errors').toBe('');
    const { message } = await h.approvalMessageOf(ticket);
    expect(JSON.stringify(message.blocks)).toContain(ticket.number);
    expect(JSON.stringify(message.blocks)).toContain('the building is locked');
    await until(t, 'the requester is told it went to the supervisors', () => postsTo(t, people.eng1, (text) => text.includes('gone to the supervisors')).length === 1);
    await until(t, 'the ticket message shows the pending request', () => h.messageShows(ticket, '暂停计时申请正在等待主管审批'));
    expect(buttonIds(await ticketMessage(t, ticket.number))).not.toContain(ticketIds.pause);

    const pending = await h.current(ticket);
    expect(pending.pausedSince).toBeNull();
    expect(hhmm(pending.restoreDeadline)).toBe('14:00');
    expect(await h.slaDue(ticket)).toBe('12:00');
  });

  it('refuses a second request while one is pending, politely, and changes nothing', async () => {
    const answer = await ticketCommand(t, people.sup1, `pause ${ticket.number} still no access`);
    expect(answer.text).toContain('already waiting for a supervisor’s decision');
    expect(await h.pendingRequests(ticket)).toBe(1);
    expect(await t.bot.db.approvalRequest.count({ where: { kind: 'ticket.sla_pause' } })).toBe(1);
  });

  it('approval at 11:00 stops the clock: pausedSince = 11:00, no SLA timer, the message says so', async () => {
    t.clock.set(at('11:00'));
    const { message } = await h.approvalMessageOf(ticket);
    await h.approvals.approve(people.sup1, message);
    await until(t, 'the ticket message shows the pause', () => h.messageShows(ticket, '起暂停计时'));
    const paused = await h.current(ticket);
    expect(paused.pausedSince?.toISOString()).toBe(at('11:00').toISOString());
    expect(paused.pauseRequestId).toBeNull();
    expect(await h.slaDue(ticket)).toBeNull();
    const shown = await ticketMessage(t, ticket.number);
    expect(buttonIds(shown)).toContain(ticketIds.resume);
    expect(buttonIds(shown)).not.toContain(ticketIds.pause);
    expect(JSON.stringify(shown.blocks)).toContain('恢复计时后剩余 3 小时 0 分钟'); // 14:00 − 11:00
    await until(t, 'the requester is told', () => postsTo(t, people.eng1, (text) => text.includes('is now paused')).length === 1);
    expect(await t.bot.db.auditEntry.count({ where: { subject: `ticket:${ticket.id}`, action: 'ticket.sla_paused', actorId: people.sup1 } })).toBe(1);
  });

  it('sends no pings while paused, not even at the old half-time instant', async () => {
    t.clock.set(at('11:30'));
    const pings = h.pingsTo(people.eng1, ticket).length;
    expect((await sweep(t)).fired).toBe(0);
    expect(h.pingsTo(people.eng1, ticket)).toHaveLength(pings);
    expect(pings).toBe(0);
  });

  it('resume at 11:45 adds 45 minutes: deadline 14:45, the next ping at 12:45', async () => {
    t.clock.set(at('11:45'));
    const answer = await ticketCommand(t, people.eng1, `resume ${ticket.number}`);
    expect(answer.text).toContain('after 0 h 45 min paused');
    const resumed = await h.current(ticket);
    expect(resumed.pausedSince).toBeNull();
    expect(Number(resumed.pausedMillis)).toBe(45 * 60_000);
    expect(hhmm(resumed.restoreDeadline)).toBe('14:45');
    expect(await h.slaDue(ticket)).toBe('12:45');
    const audit = await t.bot.db.auditEntry.findFirstOrThrow({ where: { subject: `ticket:${ticket.id}`, action: 'ticket.sla_resumed' } });
    expect(audit.actorId).toBe(people.eng1);
    expect(audit.detail).toMatchObject({ pausedFor: 45 * 60_000, restoreDeadline: at('14:45').toISOString() });
    await until(t, 'the ticket message shows the running clock again', async () => !(await h.messageShows(ticket, '起暂停计时')));
    expect(buttonIds(await ticketMessage(t, ticket.number))).toContain(ticketIds.pause);
  });

  it('fires half time, 30 and 10 minutes left and the breach at their shifted instants, and nothing at the old ones', async () => {
    const expected: Array<[string, string | null]> = [
      ['12:00', null], // old half time
      ['12:44', null],
      ['12:45', 'half of the 4-hour restore window'],
      ['13:30', null], // old "30 minutes left"
      ['13:50', null], // old "10 minutes left"
      ['14:00', null], // old deadline
      ['14:14', null],
      ['14:15', '30 minutes left'],
      ['14:35', '10 minutes left'],
      ['14:44', null],
      ['14:45', 'SLA is breached'],
    ];
    for (const [instant, ping] of expected) {
      t.clock.set(at(instant));
      const before = h.pingsTo(people.eng1, ticket).length;
      await sweep(t);
      const sent = h.pingsTo(people.eng1, ticket).slice(before).map((c) => String(c.args.text));
      expect({ instant, sent }).toEqual({ instant, sent: ping ? [expect.stringContaining(ping)] : [] });
    }
    expect(await h.slaDue(ticket)).toBe('15:15');
    t.slack.assertNoRejections();
  });
});

describe('a pause that is not approved changes nothing', () => {
  let t: TestBot;
  let h: ReturnType<typeof pauseHelpers>;
  let ticket: Ticket;

  beforeAll(async () => {
    t = await startTestBot({ now: at('10:00').toISOString() });
    introducePeople(t.slack);
    h = pauseHelpers(t);
    ticket = await openTicketByModal(t, { userId: people.am1, customer: 'C0002' });
    t.clock.set(at('10:05'));
    await ticketCommand(t, people.eng1, `claim ${ticket.number}`);
    await ticketCommand(t, people.eng1, `onsite ${ticket.number}`);
  });
  afterAll(() => t.stop());

  it('asks for a reason', async () => {
    const answer = await ticketCommand(t, people.eng1, `pause ${ticket.number}`);
    expect(answer.text).toContain('Usage: `/ticket pause');
    expect(await h.pendingRequests(ticket)).toBe(0);
  });

  it('a pause not yet approved does not stop the clock: the half-time ping comes at 12:00 while it waits', async () => {
    t.clock.set(at('10:30'));
    const answer = await ticketCommand(t, people.eng1, `pause ${ticket.number} no site access`);
    expect(answer.text).toContain('gone to the supervisors');
    await h.approvalMessageOf(ticket);
    t.clock.set(at('12:00'));
    expect((await sweep(t)).fired).toBe(1);
    expect(h.pingsTo(people.eng1, ticket).map((c) => String(c.args.text))).toEqual([expect.stringContaining('half of the 4-hour restore window')]);
    expect(await h.pendingRequests(ticket)).toBe(1);
    expect(await h.slaDue(ticket)).toBe('13:30');
  });

  it('a rejected pause leaves the deadline, the pings and the ticket as they were; the requester is told', async () => {
    const { message } = await h.approvalMessageOf(ticket);
    t.clock.set(at('12:10'));
    const view = await h.approvals.openReject(people.sup1, message);
    const rejected = await h.approvals.rejectWith(people.sup1, view, 'Call the landlord first');
    expect(rejected.status).toBe(200);
    await until(t, 'the requester is told', () => postsTo(t, people.eng1, (text) => text.includes('keeps running')).length === 1);

    const after = await h.current(ticket);
    expect([after.pausedSince, after.pauseRequestId, Number(after.pausedMillis), hhmm(after.restoreDeadline)]).toEqual([null, null, 0, '14:00']);
    expect(await h.slaDue(ticket)).toBe('13:30');
    await until(t, 'the Pause button is back', async () => buttonIds(await ticketMessage(t, ticket.number)).includes(ticketIds.pause));
    expect(await t.bot.db.auditEntry.count({ where: { subject: `ticket:${ticket.id}`, action: 'ticket.sla_pause_not_granted' } })).toBe(1);

    t.clock.set(at('13:30'));
    expect((await sweep(t)).fired).toBe(1);
    expect(h.pingsTo(people.eng1, ticket).at(-1)!.args.text).toContain('30 minutes left');
  });

  it('an expired request changes nothing either, and a new one may be asked for after it', async () => {
    t.clock.set(at('13:35'));
    await ticketCommand(t, people.eng1, `pause ${ticket.number} no site access again`);
    const { id } = await h.approvalMessageOf(ticket);
    const request = await t.bot.db.approvalRequest.findUniqueOrThrow({ where: { id } });
    t.clock.set(request.expiresAt);
    await sweep(t);
    expect((await t.bot.db.approvalRequest.findUniqueOrThrow({ where: { id } })).status).toBe('expired');
    const after = await h.current(ticket);
    expect([after.pausedSince, after.pauseRequestId, Number(after.pausedMillis), hhmm(after.restoreDeadline)]).toEqual([null, null, 0, '14:00']);
    expect((await ticketCommand(t, people.eng1, `pause ${ticket.number} one more try`)).text).toContain('gone to the supervisors');
  });
});

describe('resume by button, and a restore or cancel that ends a pause', () => {
  let t: TestBot;
  let h: ReturnType<typeof pauseHelpers>;
  let ticket: Ticket;

  beforeAll(async () => {
    t = await startTestBot({ now: at('10:00').toISOString() });
    introducePeople(t.slack);
    h = pauseHelpers(t);
    ticket = await openTicketByModal(t, { userId: people.am1, customer: 'C0002' });
  });
  afterAll(() => t.stop());

  async function pauseApproved(requester: string, approver: string) {
    await ticketCommand(t, requester, `pause ${ticket.number} no site access`);
    const { message } = await h.approvalMessageOf(ticket);
    await h.approvals.approve(approver, message);
    await until(t, 'the pause shown on the ticket', async () => buttonIds(await ticketMessage(t, ticket.number)).includes(ticketIds.resume));
    expect((await h.current(ticket)).pausedSince?.toISOString()).toBe(t.clock.now().toISOString());
  }

  it('a supervisor may ask for a pause of an unclaimed ticket; someone else (an admin) approves; Resume clock ends it', async () => {
    t.clock.set(at('10:10'));
    await pauseApproved(people.sup1, people.admin);
    t.clock.set(at('10:40'));
    const responseUrl = await clickTicketButton(t, { userId: people.sup1, number: ticket.number, actionId: ticketIds.resume });
    await until(t, 'the clicker is told', () => answersTo(t, responseUrl).length === 1);
    expect(answersTo(t, responseUrl)[0]!.args.text).toContain('after 0 h 30 min paused');
    const resumed = await h.current(ticket);
    expect(hhmm(resumed.restoreDeadline)).toBe('14:30');
    expect(await h.slaDue(ticket)).toBe('12:30');
  });

  it('the supervisor cannot approve their own request', async () => {
    t.clock.set(at('10:50'));
    await ticketCommand(t, people.sup1, `pause ${ticket.number} waiting for the customer`);
    const { message } = await h.approvalMessageOf(ticket);
    const { responseUrl } = await h.approvals.click(people.sup1, approvalIds.approve, message);
    await until(t, 'the refusal', () => answersTo(t, responseUrl).length === 1);
    expect((await h.current(ticket)).pausedSince).toBeNull();
    await h.approvals.approve(people.admin, message);
    await until(t, 'the pause shown on the ticket', async () => buttonIds(await ticketMessage(t, ticket.number)).includes(ticketIds.resume));
    expect((await h.current(ticket)).pausedSince?.toISOString()).toBe(t.clock.now().toISOString());
  });

  it('cancelling the paused ticket ends the pause: both pauses count, in the audit of the same change', async () => {
    t.clock.set(at('11:50'));
    const answer = await ticketCommand(t, people.sup1, `cancel ${ticket.number} duplicate`);
    expect(answer.text).toContain(ticket.number);
    const cancelled = await h.current(ticket);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.pausedSince).toBeNull();
    expect(Number(cancelled.pausedMillis)).toBe(90 * 60_000); // 30 min + 60 min
    expect(hhmm(cancelled.restoreDeadline)).toBe('15:30');
    const audit = await t.bot.db.auditEntry.findFirstOrThrow({ where: { subject: `ticket:${ticket.id}`, action: 'ticket.sla_resumed', detail: { path: ['why'], equals: 'cancelled' } } });
    expect(audit.detail).toMatchObject({ pausedFor: 60 * 60_000 });
    expect(await h.slaDue(ticket)).toBeNull();
  });

  it('of two pause requests sent at the same instant, exactly one stands; the other is refused', async () => {
    const other = await openTicketByModal(t, { userId: people.am1, customer: 'C0003' });
    const answers = await Promise.all([
      ticketCommand(t, people.sup1, `pause ${other.number} no site access`),
      ticketCommand(t, people.admin, `pause ${other.number} no site access either`),
    ]);
    const texts = answers.map((a) => String(a.text));
    expect(texts.filter((text) => text.includes('gone to the supervisors'))).toHaveLength(1);
    expect(texts.filter((text) => text.includes('already waiting for a supervisor’s decision'))).toHaveLength(1);
    expect(await t.bot.db.approvalRequest.count({ where: { kind: 'ticket.sla_pause', subjectId: other.id } })).toBe(1);
    expect((await h.current(other)).pauseRequestId).not.toBeNull();
  });
});

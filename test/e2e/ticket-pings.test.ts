// The SLA countdown at exact instants (clock injected, sweep run by hand): the channel
// is pinged while nobody holds the ticket, the claimer afterwards; the breach goes to
// the supervisors' channel and the account manager once; pings repeat every 30 minutes
// until restored. Also the 15-minute "still unclaimed" re-ping and the stale-claim check.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticketTimerKinds } from '../../src/domain/tickets/ticket-timers.ts';
import { ticketIds } from '../../src/slack/ids.ts';
import { startTestBot, type TestBot } from '../support/test-bot.ts';
import { plainText } from '../support/view-state.ts';
import {
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

const at = (hhmm: string) => `2026-11-23T${hhmm}:00Z`;

describe('SLA countdown pings of an AAA ticket (02:00 → deadline 04:00)', () => {
  let t: TestBot;
  let ticket: { id: string; number: string };
  // Messages about the ticket other than the ticket message itself, its thread and the opener's confirmation.
  const pingsIn = (channelOrUser: string) =>
    postsTo(t, channelOrUser, (text) => text.includes(ticket.number) && !text.includes('<#')).filter((c) => !c.args.thread_ts && c.args.blocks?.[0]?.type !== 'header');
  const dueOf = async (kind: string) => (await timerOf(t, kind, ticket.id))?.dueAt?.toISOString().slice(11, 16) ?? null;

  beforeAll(async () => {
    t = await startTestBot({ now: at('02:00') });
    introducePeople(t.slack);
    ticket = await openTicketByModal(t, { userId: people.am1, customer: 'C0001' });
  });
  afterAll(() => t.stop());

  it('schedules the first ping at half time and the re-ping at 15 minutes', async () => {
    expect(await dueOf(ticketTimerKinds.sla)).toBe('03:00');
    expect(await dueOf(ticketTimerKinds.unclaimed)).toBe('02:15');
  });

  it('re-pings an unclaimed ticket after 15 minutes, in its channel and to the supervisors, once', async () => {
    t.clock.set(at('02:14'));
    expect(await sweep(t)).toEqual({ fired: 0, failed: 0 });
    t.clock.set(at('02:15'));
    expect(await sweep(t)).toEqual({ fired: 1, failed: 0 });
    expect(pingsIn(channels.bjTickets)).toHaveLength(1);
    expect(pingsIn(channels.bjSupervisors)).toHaveLength(1);
    expect(await sweep(t)).toEqual({ fired: 0, failed: 0 });
    expect(await dueOf(ticketTimerKinds.unclaimed)).toBeNull();
  });

  it('pings the channel at half time while nobody holds the ticket', async () => {
    t.clock.set('2026-11-23T02:59:59.999Z');
    expect((await sweep(t)).fired).toBe(0);
    t.clock.set(at('03:00'));
    expect((await sweep(t)).fired).toBe(1);
    const half = pingsIn(channels.bjTickets).at(-1);
    expect(half!.args.text).toContain('恢复时限已过半');
    expect(half!.args.text).toContain('请在工单上点击');
    expect(await dueOf(ticketTimerKinds.sla)).toBe('03:30');
  });

  it('pings the claimer at 30 and 10 minutes left, and not the channel', async () => {
    t.clock.set(at('03:10'));
    await ticketCommand(t, people.eng1, `claim ${ticket.number}`);
    await ticketCommand(t, people.eng1, `onsite ${ticket.number}`);
    const channelPings = pingsIn(channels.bjTickets).length;

    t.clock.set(at('03:30'));
    expect((await sweep(t)).fired).toBe(1);
    expect(pingsIn(people.eng1).map((c) => c.args.text)).toEqual([expect.stringContaining('30 minutes left')]);
    t.clock.set(at('03:49'));
    expect((await sweep(t)).fired).toBe(0);
    t.clock.set(at('03:50'));
    expect((await sweep(t)).fired).toBe(1);
    expect(pingsIn(people.eng1).at(-1)!.args.text).toContain('10 minutes left');
    expect(pingsIn(channels.bjTickets)).toHaveLength(channelPings);
    expect(await dueOf(ticketTimerKinds.sla)).toBe('04:00');
  });

  it('escalates the breach to the supervisors’ channel and the account manager, once', async () => {
    const managerBefore = pingsIn(people.am1).length;
    t.clock.set(at('04:00'));
    expect((await sweep(t)).fired).toBe(1);
    expect(pingsIn(people.eng1).at(-1)!.args.text).toContain('SLA is breached');
    const breach = pingsIn(channels.bjSupervisors).filter((c) => String(c.args.text).includes('SLA 超时'));
    expect(breach).toHaveLength(1);
    expect(breach[0]!.args.text).toContain(`<@${people.eng1}>`);
    expect(pingsIn(people.am1).slice(managerBefore).map((c) => c.args.text)).toEqual([expect.stringContaining('已超过恢复时限')]);
    await until(t, 'message shows the breach', async () => JSON.stringify((await ticketMessage(t, ticket.number)).blocks).includes('已超时'));
    expect(await t.bot.db.auditEntry.count({ where: { subject: `ticket:${ticket.id}`, action: 'ticket.breached', actorId: 'system' } })).toBe(1);
    expect(await dueOf(ticketTimerKinds.sla)).toBe('04:30');
  });

  it('keeps pinging every 30 minutes after the breach, without escalating again', async () => {
    const supervisors = pingsIn(channels.bjSupervisors).length;
    t.clock.set(at('04:30'));
    expect((await sweep(t)).fired).toBe(1);
    expect(pingsIn(people.eng1).at(-1)!.args.text).toContain('30 minutes past the deadline');
    t.clock.set(at('05:00'));
    await sweep(t);
    expect(pingsIn(people.eng1).at(-1)!.args.text).toContain('60 minutes past the deadline');
    expect(pingsIn(channels.bjSupervisors)).toHaveLength(supervisors);
    expect(await dueOf(ticketTimerKinds.sla)).toBe('05:30');
  });

  it('stops when service is restored', async () => {
    await clickTicketButton(t, { userId: people.eng1, number: ticket.number, actionId: ticketIds.restore, triggerId: 'trigger-restore-pings' });
    const view = (await t.slack.waitFor((c) => c.method === 'views.open' && c.args.trigger_id === 'trigger-restore-pings')).response.view;
    await t.driver.viewSubmission({ userId: people.eng1, view, values: { cause: { cause: plainText('Power failure') }, action: { action: plainText('Replaced the PSU') } } });
    expect(await dueOf(ticketTimerKinds.sla)).toBeNull();
    await until(t, 'manager told of the restoration', () => pingsIn(people.am1).some((c) => String(c.args.text).includes('业务恢复')));
    const pings = pingsIn(people.eng1).length;
    t.clock.set(at('06:00'));
    expect((await sweep(t)).fired).toBe(0);
    expect(pingsIn(people.eng1)).toHaveLength(pings);
    t.slack.assertNoRejections();
  });
});

describe('a claim that goes stale', () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ now: at('02:00') });
    introducePeople(t.slack);
  });
  afterAll(() => t.stop());

  it('asks the claimer "still on it?" after an hour; unanswered, releases it and tells the supervisors', async () => {
    const ticket = await openTicketByModal(t, { userId: people.am1, customer: 'C0003' }); // A: 6 h
    t.clock.set(at('02:05'));
    await ticketCommand(t, people.eng1, `claim ${ticket.number}`);
    expect((await timerOf(t, ticketTimerKinds.claimCheck, ticket.id))?.dueAt?.toISOString()).toBe(at('03:05').replace('Z', '.000Z'));

    t.clock.set(at('03:05'));
    await sweep(t);
    const question = postsTo(t, people.eng1, (text) => text.includes('Are you still on it?'));
    expect(question).toHaveLength(1);
    expect(JSON.stringify(question[0]!.args.blocks)).toContain(ticketIds.stillOnIt);

    t.clock.set(at('03:19'));
    await sweep(t);
    expect((await t.bot.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).claimerId).toBe(people.eng1);

    t.clock.set(at('03:20'));
    await sweep(t);
    const released = await t.bot.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(released).toMatchObject({ status: 'open', claimerId: null });
    expect(released.unclaimedSince?.toISOString()).toBe(at('03:20').replace('Z', '.000Z'));
    await until(t, 'supervisors told', () => postsTo(t, channels.bjSupervisors, (text) => text.includes(ticket.number) && text.includes('退回')).length === 1);
    await until(t, 'claimer told', () => postsTo(t, people.eng1, (text) => text.includes('released back to the channel')).length === 1);
    await until(t, 'Claim button back', async () => buttonIds(await ticketMessage(t, ticket.number)).includes(ticketIds.claim));
    const audit = await t.bot.db.auditEntry.findFirstOrThrow({ where: { subject: `ticket:${ticket.id}`, action: 'ticket.auto_released' } });
    expect(audit).toMatchObject({ actorId: 'system', detail: expect.objectContaining({ from: 'claimed', to: 'open' }) });
    expect((await timerOf(t, ticketTimerKinds.unclaimed, ticket.id))?.dueAt?.toISOString()).toBe(at('03:35').replace('Z', '.000Z'));
  });

  it('keeps the ticket with a claimer who answers "yes, still on it"', async () => {
    const ticket = await openTicketByModal(t, { userId: people.am1, customer: 'C0002' });
    await ticketCommand(t, people.eng1, `claim ${ticket.number}`);
    t.clock.set(at('04:20'));
    await sweep(t);
    const question = postsTo(t, people.eng1, (text) => text.includes(ticket.number) && text.includes('Are you still on it?'))[0]!;
    const dm = t.slack.messages().find((m) => m.ts === question.response.ts)!;
    const responseUrl = t.slack.responseUrl({ channel: dm.channel, messageTs: dm.ts, userId: people.eng1 });
    await t.driver.blockAction({ userId: people.eng1, actionId: ticketIds.stillOnIt, message: dm, responseUrl });
    const answer = await t.slack.waitFor((c) => c.method === 'response_url' && c.responseUrl === responseUrl);
    expect(answer.args).toMatchObject({ replace_original: true, text: expect.stringContaining('stays with you') });

    t.clock.set(at('04:40'));
    await sweep(t);
    expect((await t.bot.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).claimerId).toBe(people.eng1);
    expect((await timerOf(t, ticketTimerKinds.claimCheck, ticket.id))?.dueAt?.toISOString()).toBe(at('05:20').replace('Z', '.000Z'));
    t.slack.assertNoRejections();
  });
});

// The SLA countdown at exact instants (clock injected, sweep run by hand): the channel
// is pinged while nobody holds the ticket, the claimer afterwards; the breach goes to
// the supervisors' channel and the account manager once; pings repeat every 30 minutes
// until restored. Also the 15-minute "still unclaimed" re-ping and the stale-claim check.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticketTimerKinds } from '../../src/domain/tickets/ticket-timers.ts';
import { ticketIds } from '../../src/slack/ids.ts';
import { startTestBot, type TestBot } from '../support/test-bot.ts';
import { plainText, usersSelect } from '../../src/sandbox/slack-stand-in/view-state.ts';
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

/** The buttons of a posted message: action id, value and link. */
const buttonsOf = (blocks: any[] | undefined) =>
  (blocks ?? []).filter((b) => b.type === 'actions').flatMap((b) => b.elements.map((e: any) => ({ actionId: e.action_id, value: e.value, url: e.url })));

/** The link to a ticket's channel message, built from where it lives (no Slack call). */
async function linkTo(t: TestBot, number: string): Promise<string> {
  const message = await ticketMessage(t, number);
  return `https://slack.com/archives/${message.channel}/p${message.ts.replace('.', '')}`;
}

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

  it('gives the "still unclaimed" pings a Claim button and a link to the ticket; the supervisors are mentioned and can reassign', async () => {
    const link = await linkTo(t, ticket.number);
    const [channelPing] = pingsIn(channels.bjTickets);
    expect(buttonsOf(channelPing!.args.blocks)).toEqual([
      { actionId: ticketIds.claim, value: ticket.id, url: undefined },
      { actionId: ticketIds.openMessage, value: undefined, url: link },
    ]);
    // Slack opens the link itself and still sends the click: it is acknowledged, and nothing else happens.
    const posted = t.slack.messages().find((m) => m.ts === channelPing!.response.ts && m.channel === channels.bjTickets)!;
    const calls = t.slack.calls.length;
    const opened = await t.driver.blockAction({ userId: people.eng1, actionId: ticketIds.openMessage, message: posted, responseUrl: t.slack.responseUrl({ userId: people.eng1 }) });
    expect(opened.status).toBe(200);
    expect(t.slack.calls.slice(calls).filter((c) => c.method !== 'users.info')).toEqual([]);
    const [supervisorPing] = pingsIn(channels.bjSupervisors);
    expect(supervisorPing!.args.text).toContain(`<@${people.sup1}>`);
    expect(supervisorPing!.args.text).not.toContain(`<@${people.sup2}>`); // Shanghai's supervisor
    expect(buttonsOf(supervisorPing!.args.blocks)).toEqual([
      { actionId: ticketIds.reassign, value: ticket.id, url: undefined },
      { actionId: ticketIds.openMessage, value: undefined, url: link },
    ]);
  });

  it('pings the channel at half time while nobody holds the ticket', async () => {
    t.clock.set('2026-11-23T02:59:59.999Z');
    expect((await sweep(t)).fired).toBe(0);
    t.clock.set(at('03:00'));
    expect((await sweep(t)).fired).toBe(1);
    const half = pingsIn(channels.bjTickets).at(-1);
    expect(half!.args.text).toContain('恢复时限已过半');
    expect(half!.args.text).toContain('请在工单上点击');
    expect(buttonsOf(half!.args.blocks)).toEqual([
      { actionId: ticketIds.claim, value: ticket.id, url: undefined },
      { actionId: ticketIds.openMessage, value: undefined, url: await linkTo(t, ticket.number) },
    ]);
    expect(await dueOf(ticketTimerKinds.sla)).toBe('03:30');
  });

  it('claims the ticket from the ping’s Claim button, by the same rules as on the ticket', async () => {
    t.clock.set(at('03:10'));
    const half = pingsIn(channels.bjTickets).at(-1)!;
    const posted = t.slack.messages().find((m) => m.ts === half.response.ts && m.channel === channels.bjTickets)!;
    const click = async (userId: string) => {
      const responseUrl = t.slack.responseUrl({ channel: posted.channel, messageTs: posted.ts, userId });
      expect((await t.driver.blockAction({ userId, actionId: ticketIds.claim, message: posted, responseUrl })).status).toBe(200);
      return (await t.slack.waitFor((c) => c.method === 'response_url' && c.responseUrl === responseUrl)).args;
    };
    expect(await click(people.eng1)).toMatchObject({ text: expect.stringContaining(ticket.number) });
    expect((await t.bot.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).claimerId).toBe(people.eng1);
    // A second click on the same ping loses like a second click on the ticket message.
    expect(await click(people.sup1)).toMatchObject({ text: expect.stringContaining('already claimed') });
    await t.bot.ctx.outbox.idle();
    await until(t, 'Claim button off the ticket', async () => !buttonIds(await ticketMessage(t, ticket.number)).includes(ticketIds.claim));
  });

  it('pings the claimer at 30 and 10 minutes left, and not the channel', async () => {
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
    expect(breach[0]!.args.text).toContain(`<@${people.sup1}>`);
    expect(buttonsOf(breach[0]!.args.blocks)).toEqual([
      { actionId: ticketIds.reassign, value: ticket.id, url: undefined },
      { actionId: ticketIds.openMessage, value: undefined, url: await linkTo(t, ticket.number) },
    ]);
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
  let stale: { id: string; number: string };
  let question: { channel: string; ts: string; blocks: any[] };
  const eng3 = 'U0DEMOENG3';
  beforeAll(async () => {
    // Supervisors' alerts mention a Slack user group instead of each supervisor.
    t = await startTestBot({ now: at('02:00'), env: { SUPERVISOR_MENTION: 'S0BJSUPS' } });
    introducePeople(t.slack);
    // The claimer lives in London: what the bot writes about times is in their zone.
    await t.bot.db.staff.update({ where: { slackUserId: people.eng1 }, data: { timezone: 'Europe/London' } });
    await t.bot.db.staff.create({ data: { slackUserId: eng3, name: 'Third Engineer', role: 'field_engineer', regionCode: 'BJ', timezone: 'Asia/Shanghai' } });
    t.slack.setUser(eng3, { locale: 'en-US', tz: 'Asia/Shanghai', name: 'eng3' });
  });
  /** A click on the "still on it?" question as it was first posted (a client that has not refreshed). */
  const lateAnswer = async (actionId: string) => {
    const responseUrl = t.slack.responseUrl({ channel: question.channel, messageTs: question.ts, userId: people.eng1 });
    await t.driver.blockAction({ userId: people.eng1, actionId, message: question, responseUrl });
    return (await t.slack.waitFor((c) => c.method === 'response_url' && c.responseUrl === responseUrl)).args;
  };
  afterAll(() => t.stop());

  it('asks the claimer "still on it?" after an hour; unanswered, releases it and tells the supervisors', async () => {
    const ticket = await openTicketByModal(t, { userId: people.am1, customer: 'C0003' }); // A: 6 h
    t.clock.set(at('02:05'));
    await ticketCommand(t, people.eng1, `claim ${ticket.number}`);
    expect((await timerOf(t, ticketTimerKinds.claimCheck, ticket.id))?.dueAt?.toISOString()).toBe(at('03:05').replace('Z', '.000Z'));

    t.clock.set(at('03:05'));
    await sweep(t);
    const asked = postsTo(t, people.eng1, (text) => text.includes('Are you still on it?'));
    expect(asked).toHaveLength(1);
    expect(JSON.stringify(asked[0]!.args.blocks)).toContain(ticketIds.stillOnIt);

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
    stale = ticket;
    const dm = t.slack.messages().find((m) => m.ts === asked[0]!.response.ts)!;
    question = { channel: dm.channel, ts: dm.ts, blocks: asked[0]!.args.blocks };
  });

  it('turns the claimer’s question into what happened: released at 03:20 (their time), only Claim and the link left', async () => {
    await until(t, 'question updated', () => t.slack.callsTo('chat.update').some((c) => c.ok && c.args.ts === question.ts));
    const now = t.slack.messages().find((m) => m.ts === question.ts && m.channel === question.channel)!;
    expect(now.text).toContain('released back to the channel');
    expect(now.text).toContain('03:20 (Europe/London)');
    expect(now.text).toContain('claim it again');
    expect(buttonIds(now)).toEqual([ticketIds.claim, ticketIds.openMessage]);
  });

  it('answers a late "Yes, still on it" with what happened, not with a refusal', async () => {
    const answer = await lateAnswer(ticketIds.stillOnIt);
    expect(answer).toMatchObject({ replace_original: true });
    expect(answer.text).toContain('released back to the channel');
    expect(answer.text).toContain('03:20 (Europe/London)');
    expect(answer.text).not.toContain('Only the engineer');
    expect((await t.bot.db.ticket.findUniqueOrThrow({ where: { id: stale.id } })).status).toBe('open');
  });

  it('gives the supervisors’ release notice Reassign and Open ticket; Reassign picks an engineer in a modal', async () => {
    const notice = postsTo(t, channels.bjSupervisors, (text) => text.includes(stale.number) && text.includes('退回'))[0]!;
    const message = await ticketMessage(t, stale.number);
    expect(notice.args.text).toContain('<!subteam^S0BJSUPS>');
    expect(notice.args.text).not.toContain(`<@${people.sup1}>`);
    expect(buttonsOf(notice.args.blocks)).toEqual([
      { actionId: ticketIds.reassign, value: stale.id, url: undefined },
      { actionId: ticketIds.openMessage, value: undefined, url: `https://slack.com/archives/${message.channel}/p${message.ts.replace('.', '')}` },
    ]);
    const posted = t.slack.messages().find((m) => m.ts === notice.response.ts && m.channel === channels.bjSupervisors)!;
    const click = async (userId: string, triggerId: string) => {
      const responseUrl = t.slack.responseUrl({ channel: posted.channel, messageTs: posted.ts, userId });
      expect((await t.driver.blockAction({ userId, actionId: ticketIds.reassign, message: posted, responseUrl, triggerId })).status).toBe(200);
      return responseUrl;
    };
    // An engineer is refused before any form opens.
    const refused = await click(people.eng1, 'trigger-reassign-eng');
    expect((await t.slack.waitFor((c) => c.method === 'response_url' && c.responseUrl === refused)).args.text).toContain('Only a supervisor');
    expect(t.slack.calls.some((c) => c.method === 'views.open' && c.args.trigger_id === 'trigger-reassign-eng')).toBe(false);

    await click(people.sup1, 'trigger-reassign-sup');
    const view = (await t.slack.waitFor((c) => c.method === 'views.open' && c.args.trigger_id === 'trigger-reassign-sup')).response.view;
    // Someone who cannot hold it (Shanghai's engineer) is refused next to the field.
    const wrong = await t.driver.viewSubmission({ userId: people.sup1, view, values: { assignee: { assignee: usersSelect(people.eng2) } } });
    expect(wrong.json).toMatchObject({ response_action: 'errors', errors: { assignee: expect.stringContaining('cannot take') } });
    const done = await t.driver.viewSubmission({ userId: people.sup1, view, values: { assignee: { assignee: usersSelect(eng3) } } });
    expect(done.text).toBe('');
    expect(await t.bot.db.ticket.findUniqueOrThrow({ where: { id: stale.id } })).toMatchObject({ status: 'claimed', claimerId: eng3 });
    const audit = await t.bot.db.auditEntry.findFirstOrThrow({ where: { subject: `ticket:${stale.id}`, action: 'ticket.reassigned' } });
    expect(audit).toMatchObject({ actorId: people.sup1, detail: expect.objectContaining({ assignee: eng3, from: 'open', to: 'claimed' }) });
    await t.bot.ctx.outbox.idle();
    await until(t, 'the new holder told', () => postsTo(t, eng3, (text) => text.includes(stale.number) && text.includes('assigned')).length === 1);
  });

  it('answers a late "Release it" with who holds the ticket now', async () => {
    const answer = await lateAnswer(ticketIds.checkRelease);
    expect(answer).toMatchObject({ replace_original: true });
    expect(answer.text).toContain(`<@${eng3}>`);
    expect(answer.text).not.toContain('Only the engineer');
    expect((await t.bot.db.ticket.findUniqueOrThrow({ where: { id: stale.id } })).claimerId).toBe(eng3);
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

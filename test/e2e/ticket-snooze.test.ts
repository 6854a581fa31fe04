// The claimer's snooze, at exact instants (clock injected, sweep run by hand): an AAA
// ticket opened at 02:00 is due at 04:00, its countdown pings fall at 03:00 (half time),
// 03:30 and 03:50; the breach at 04:00. A mute silences the pings before the deadline
// until the instant it ends (that instant is pinged again); the breach and the
// supervisors' escalation are never muted; only the claimer may mute.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticketIds } from '../../src/slack/ids.ts';
import { startTestBot, type TestBot } from '../support/test-bot.ts';
import { channels, clickTicketButton, introducePeople, openTicketByModal, people, postsTo, sweep, ticketCommand, ticketMessage, until } from '../support/tickets.ts';

const at = (hhmm: string) => `2026-11-23T${hhmm}:00Z`;

describe('muting a ticket’s countdown pings', () => {
  let t: TestBot;
  let ticket: { id: string; number: string };
  const claimerPings = () => postsTo(t, people.eng1, (text) => text.includes(ticket.number) && /left|half|breached|deadline/i.test(text)).filter((c) => c.args.blocks?.[0]?.type !== 'header');
  const breachAlerts = () => postsTo(t, channels.bjSupervisors, (text) => text.includes(ticket.number) && text.includes('SLA 超时'));

  /** Clicks a mute button under the claimer's latest ping; resolves with the private answer. */
  async function mute(userId: string, actionId: string) {
    const ping = claimerPings().at(-1)!;
    const message = t.slack.messages().find((m) => m.ts === ping.response.ts && m.channel === ping.response.channel)!;
    const responseUrl = t.slack.responseUrl({ channel: message.channel, messageTs: message.ts, userId });
    expect((await t.driver.blockAction({ userId, actionId, message, responseUrl })).status).toBe(200);
    const answer = (await t.slack.waitFor((c) => c.method === 'response_url' && c.responseUrl === responseUrl)).args;
    await t.bot.ctx.outbox.idle();
    return answer;
  }

  beforeAll(async () => {
    t = await startTestBot({ now: at('02:00') });
    introducePeople(t.slack);
    ticket = await openTicketByModal(t, { userId: people.am1, customer: 'C0001' });
    t.clock.set(at('02:05'));
    await clickTicketButton(t, { userId: people.eng1, number: ticket.number, actionId: ticketIds.claim });
    await until(t, 'claimed', async () => (await t.bot.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).claimerId === people.eng1);
    await ticketCommand(t, people.eng1, `onsite ${ticket.number}`);
  });
  afterAll(() => t.stop());

  it('offers the claimer Mute 30 min / 1 h under a countdown ping', async () => {
    t.clock.set(at('03:00'));
    await sweep(t);
    const ping = claimerPings().at(-1)!;
    expect(ping.args.text).toContain('half');
    const actions = ping.args.blocks.filter((b: any) => b.type === 'actions').flatMap((b: any) => b.elements.map((e: any) => [e.action_id, e.value]));
    expect(actions).toEqual([
      [ticketIds.snooze30, ticket.id],
      [ticketIds.snooze60, ticket.id],
    ]);
  });

  it('refuses a mute from someone who does not hold the ticket, and changes nothing', async () => {
    const answer = await mute(people.sup1, ticketIds.snooze30);
    expect(answer.text).toContain('Only the engineer holding');
    expect((await t.bot.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).pingsMutedUntil).toBeNull();
  });

  it('mutes for 30 minutes: shown on the ticket, the 03:30 ping comes at the exact instant the mute ends', async () => {
    const answer = await mute(people.eng1, ticketIds.snooze30);
    expect(answer.text).toContain('muted until');
    const row = await t.bot.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(row.pingsMutedUntil?.toISOString()).toBe(at('03:30').replace(':00Z', ':00.000Z'));
    await until(t, 'the ticket shows the mute', async () => JSON.stringify((await ticketMessage(t, ticket.number)).blocks).includes('倒计时提醒静音至'));
    const before = claimerPings().length;
    t.clock.set(at('03:29'));
    await sweep(t);
    expect(claimerPings()).toHaveLength(before);
    t.clock.set(at('03:30'));
    await sweep(t);
    expect(claimerPings()).toHaveLength(before + 1);
    expect(claimerPings().at(-1)!.args.text).toContain('30 minutes left');
  });

  it('mutes for an hour with /ticket snooze: 03:50 stays silent, the breach at 04:00 still reaches the claimer and the supervisors', async () => {
    const answer = await ticketCommand(t, people.eng1, `snooze ${ticket.number} 1h`);
    expect(answer.text).toContain('muted until');
    expect((await t.bot.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).pingsMutedUntil?.toISOString()).toBe('2026-11-23T04:30:00.000Z');
    const before = claimerPings().length;
    t.clock.set(at('03:50'));
    await sweep(t);
    expect(claimerPings()).toHaveLength(before);
    // The clock kept running: the deadline did not move.
    expect((await t.bot.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).restoreDeadline.toISOString()).toBe('2026-11-23T04:00:00.000Z');
    t.clock.set(at('04:00'));
    await sweep(t);
    expect(claimerPings()).toHaveLength(before + 1);
    expect(claimerPings().at(-1)!.args.text).toContain('SLA is breached');
    expect(breachAlerts()).toHaveLength(1);
    // …and so are the overdue repeats while the mute lasts.
    t.clock.set(at('04:30'));
    await sweep(t);
    expect(claimerPings().at(-1)!.args.text).toContain('30 minutes past the deadline');
  });

  it('keeps the mute in the ticket’s history and answers usage for a length it does not know', async () => {
    expect(await t.bot.db.auditEntry.count({ where: { subject: `ticket:${ticket.id}`, action: 'ticket.snoozed', actorId: people.eng1 } })).toBe(2);
    const answer = await ticketCommand(t, people.eng1, `snooze ${ticket.number} 5h`);
    expect(answer.text).toContain('Usage: `/ticket snooze');
    t.slack.assertNoRejections();
  });
});

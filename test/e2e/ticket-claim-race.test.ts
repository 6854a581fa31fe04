// 50 engineers press Claim on one ticket at the same moment: real parallel signed
// requests against the real database. Exactly one owns it; the other 49 are told
// privately who has it and since when; the Claim button is gone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticketIds } from '../../src/slack/ids.ts';
import { startTestBot, type TestBot } from '../support/test-bot.ts';
import { buttonIds, introducePeople, openTicketByModal, people, ticketMessage, until } from '../support/tickets.ts';

const engineers = Array.from({ length: 50 }, (_, i) => `U0RACE${String(i).padStart(2, '0')}`);
let t: TestBot;
beforeAll(async () => {
  t = await startTestBot({ now: '2026-11-23T02:00:00Z' });
  introducePeople(t.slack);
  await t.bot.db.staff.createMany({ data: engineers.map((id) => ({ slackUserId: id, name: id, role: 'field_engineer' as const, regionCode: 'BJ', locale: 'en' })) });
});
afterAll(() => t.stop());

describe('50 simultaneous claims', () => {
  it('give exactly one owner and 49 private answers naming them', async () => {
    const ticket = await openTicketByModal(t, { userId: people.am1, customer: 'C0002' });
    const message = await ticketMessage(t, ticket.number);
    const urls = engineers.map((userId) => t.slack.responseUrl({ channel: message.channel, messageTs: message.ts, userId }));

    const responses = await Promise.all(engineers.map((userId, i) => t.driver.blockAction({ userId, actionId: ticketIds.claim, message, responseUrl: urls[i] })));
    expect(responses.every((r) => r.status === 200)).toBe(true);

    const answered = () => t.slack.calls.filter((c) => c.method === 'response_url' && urls.includes(c.responseUrl!));
    await until(t, '50 answers', () => answered().length === 50, 15_000);

    const owner = (await t.bot.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).claimerId;
    expect(engineers).toContain(owner);
    const claimedAt = Date.parse('2026-11-23T02:00:00Z') / 1000;
    const winners = answered().filter((c) => String(c.args.text).startsWith('You have claimed'));
    const losers = answered().filter((c) => String(c.args.text).includes('already claimed'));
    expect(winners).toHaveLength(1);
    expect(winners[0]!.responseUrl).toBe(urls[engineers.indexOf(owner!)]);
    expect(losers).toHaveLength(49);
    for (const loser of losers) {
      expect(loser.args.response_type).toBe('ephemeral');
      expect(loser.args.text).toContain(`<@${owner}>`);
      expect(loser.args.text).toContain(`<!date^${claimedAt}^`);
    }

    // One claim in the audit trail and in the thread; the button came off the message.
    expect(await t.bot.db.auditEntry.count({ where: { subject: `ticket:${ticket.id}`, action: 'ticket.claimed' } })).toBe(1);
    await until(t, 'claim button gone', async () => !buttonIds(await ticketMessage(t, ticket.number)).includes(ticketIds.claim));
    await until(t, 'one history line', () => t.slack.messages().filter((m) => m.thread_ts === message.ts).length === 1);
    t.slack.assertNoRejections();
  });
});

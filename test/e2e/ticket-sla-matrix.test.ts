// Every cell of the SLA matrix, end to end at a fixed clock: a ticket opened from the
// modal gets the level of its customer (VIP card tiers mapped through the policy) and
// the deadline the matrix promises, shown in the channel in Slack date formatting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/test-bot.ts';
import { introducePeople, openTicketByModal, people, ticketMessage } from '../support/tickets.ts';

const openedAt = '2026-11-23T02:00:00Z';
let t: TestBot;
beforeAll(async () => {
  t = await startTestBot({ now: openedAt });
  introducePeople(t.slack);
});
afterAll(() => t.stop());

const hoursLater = (hours: number) => new Date(Date.parse(openedAt) + hours * 3_600_000);

describe('restore deadlines by service level and scope', () => {
  it.each([
    ['C0001', 'AAA', 'within_province', 2],
    ['C0002', 'AA', 'within_province', 4],
    ['C0003', 'A', 'within_province', 6],
    ['C0007', 'standard', 'within_province', 8],
    ['C0001', 'AAA', 'across_provinces', 4],
    ['C0002', 'AA', 'across_provinces', 5],
    ['C0003', 'A', 'across_provinces', 6],
    ['C0007', 'standard', 'across_provinces', 8],
    // VIP customers have no group service level: their card tier maps to one.
    ['C0004', 'AAA', 'within_province', 2], // diamond
    ['C0005', 'AA', 'across_provinces', 5], // gold
    ['C0008', 'A', 'within_province', 6], // silver
    ['C0009', 'standard', 'across_provinces', 8], // strategic, no level
  ] as const)('%s (%s, %s): %i hours', async (customer, level, scope, hours) => {
    const ticket = await openTicketByModal(t, { userId: people.am1, customer, scope });
    expect(ticket.serviceLevel).toBe(level);
    expect(ticket.windowMinutes).toBe(hours * 60);
    expect(ticket.openedAt.toISOString()).toBe(new Date(openedAt).toISOString());
    expect(ticket.restoreDeadline).toEqual(hoursLater(hours));
    const shown = JSON.stringify((await ticketMessage(t, ticket.number)).blocks);
    expect(shown).toContain(`<!date^${hoursLater(hours).getTime() / 1000}^`);
    expect(shown).toContain(level);
  });

  it('numbers the tickets of the day in order', async () => {
    const numbers = (await t.bot.db.ticket.findMany({ orderBy: { number: 'asc' }, select: { number: true } })).map((row) => row.number);
    expect(numbers[0]).toBe('T-20261123-001');
    expect(numbers.at(-1)).toBe(`T-20261123-${String(numbers.length).padStart(3, '0')}`);
    t.slack.assertNoRejections();
  });
});

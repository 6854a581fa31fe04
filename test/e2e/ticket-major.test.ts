// Major faults (升级报备): a ticket marked major and linked to the other customers the
// same outage hits escalates to the supervisors at once, and each account manager gets
// ONE message for all of their affected customers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticketIds } from '../../src/slack/ids.ts';
import { startTestBot, type TestBot } from '../support/test-bot.ts';
import { multiExternalSelect, plainText } from '../../src/sandbox/slack-stand-in/view-state.ts';
import { channels, clickTicketButton, introducePeople, openTicketByModal, people, postsTo, ticketCommand, ticketMessage, until } from '../support/tickets.ts';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot({ now: '2026-11-23T02:00:00Z' });
  introducePeople(t.slack);
});
afterAll(() => t.stop());

describe('a major fault', () => {
  it('escalates to every region concerned and sends each account manager one grouped message', async () => {
    const ticket = await openTicketByModal(t, { userId: people.am1, customer: 'C0001' });
    await ticketCommand(t, people.eng1, `claim ${ticket.number}`);
    const mentions = (who: string) => postsTo(t, who, (text) => text.includes(ticket.number));
    const before = { am1: mentions(people.am1).length, am2: mentions(people.am2).length, am3: mentions(people.am3).length };

    // The claimer marks it major from the message and picks the other customers hit.
    await clickTicketButton(t, { userId: people.eng1, number: ticket.number, actionId: ticketIds.major, triggerId: 'trigger-major' });
    const view = (await t.slack.waitFor((c) => c.method === 'views.open' && c.args.trigger_id === 'trigger-major')).response.view;
    const found = await t.driver.blockSuggestion({ userId: people.eng1, actionId: ticketIds.affectedSearch, value: '上海', view });
    expect(found.json.options.map((o: { value: string }) => o.value)).toEqual(['C0006']);
    const response = await t.driver.viewSubmission({
      userId: people.eng1,
      view,
      values: {
        customers: { [ticketIds.affectedSearch]: multiExternalSelect(['C0002', 'C0004', 'C0003', 'C0006']) },
        note: { note: plainText('Fibre cut at the Haidian node') },
      },
    });
    expect(response.text).toBe('');
    await until(t, 'grouped notices', () => mentions(people.am3).length > before.am3 && mentions(people.am2).length > before.am2 && mentions(people.am1).length > before.am1);
    await until(t, 'escalations', () => postsTo(t, channels.shSupervisors, (text) => text.includes(ticket.number)).length === 1);

    const stored = await t.bot.db.ticket.findUniqueOrThrow({ where: { id: ticket.id }, include: { affected: true } });
    expect(stored.major).toBe(true);
    expect(stored.affected.map((a) => a.customerCode).sort()).toEqual(['C0002', 'C0003', 'C0004', 'C0006']);

    // Supervisors of Beijing (the ticket) and Shanghai (C0006), once each, at once.
    const bj = postsTo(t, channels.bjSupervisors, (text) => text.includes(ticket.number));
    expect(bj).toHaveLength(1);
    expect(bj[0]!.args.text).toContain('C0001');
    expect(bj[0]!.args.text).toContain('C0006');
    expect(bj[0]!.args.text).toContain('Fibre cut at the Haidian node');

    // One message per account manager, listing all of theirs: AM1 has C0001, C0002, C0004.
    const am1 = mentions(people.am1).slice(before.am1);
    expect(am1).toHaveLength(1);
    expect(am1[0]!.args.text).toMatch(/3 个客户.*C0001.*C0002.*C0004/);
    expect(mentions(people.am2).slice(before.am2).map((c) => c.args.text)).toEqual([expect.stringContaining('C0003')]);
    expect(mentions(people.am3).slice(before.am3).map((c) => c.args.text)).toEqual([expect.stringContaining('C0006')]);
    expect(JSON.stringify((await ticketMessage(t, ticket.number)).blocks)).toContain('C0002, C0003, C0004, C0006');
  });

  it('links more customers later with one more message each, and refuses unknown codes', async () => {
    const ticket = await t.bot.db.ticket.findFirstOrThrow({ where: { major: true } });
    const refused = await ticketCommand(t, people.eng1, `major ${ticket.number} C0007 C9999`);
    expect(refused.text).toContain('C9999');
    expect(await t.bot.db.ticketAffectedCustomer.count({ where: { ticketId: ticket.id } })).toBe(4);

    const am3Before = postsTo(t, people.am3, (text) => text.includes(ticket.number)).length;
    const answer = await ticketCommand(t, people.eng1, `major ${ticket.number} C0007 C0002`);
    expect(answer.text).toContain('Newly affected customers: 1');
    const am3 = postsTo(t, people.am3, (text) => text.includes(ticket.number)).slice(am3Before);
    expect(am3.map((c) => c.args.text)).toEqual([expect.stringMatching(/1 个客户.*C0007/)]);
    expect(postsTo(t, channels.shSupervisors, (text) => text.includes(ticket.number))).toHaveLength(2);
    t.slack.assertNoRejections();
  });
});

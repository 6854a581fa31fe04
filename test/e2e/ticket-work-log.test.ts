// A ticket's work log: the claimer, a supervisor of the region and the customer's account
// manager add notes with `/ticket note` or the Add note modal; each note is a line in the
// ticket's thread (who, when, the text escaped once) and an entry of its history. Anyone
// else is refused before a form opens, and nothing is stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticketIds } from '../../src/slack/ids.ts';
import { startTestBot, type TestBot } from '../support/test-bot.ts';
import { plainText } from '../../src/sandbox/slack-stand-in/view-state.ts';
import { clickTicketButton, introducePeople, openTicketByModal, people, ticketCommand, ticketMessage, until } from '../support/tickets.ts';

describe('a ticket’s work log', () => {
  let t: TestBot;
  let ticket: { id: string; number: string };
  const threadLines = async () => {
    const message = await ticketMessage(t, ticket.number);
    return t.slack.messages().filter((m) => m.thread_ts === message.ts).map((m) => String(m.text));
  };
  const notes = () => t.bot.db.auditEntry.findMany({ where: { subject: `ticket:${ticket.id}`, action: 'ticket.note' }, orderBy: { id: 'asc' } });

  beforeAll(async () => {
    t = await startTestBot({ now: '2026-11-23T02:00:00Z' });
    introducePeople(t.slack);
    ticket = await openTicketByModal(t, { userId: people.am1, customer: 'C0001' });
    await clickTicketButton(t, { userId: people.eng1, number: ticket.number, actionId: ticketIds.claim });
    await until(t, 'claimed', async () => (await t.bot.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).claimerId === people.eng1);
  });
  afterAll(() => t.stop());

  it('takes a note from the claimer with /ticket note, line breaks kept, into the thread and the history', async () => {
    t.clock.set('2026-11-23T02:20:00Z');
    const answer = await ticketCommand(t, people.eng1, `note ${ticket.number} Checked the fibre at the cabinet\nsplicing now`);
    expect(answer.text).toContain(`work log of *${ticket.number}*`);
    await until(t, 'the note in the thread', async () => (await threadLines()).some((line) => line.includes('Checked the fibre')));
    const line = (await threadLines()).find((l) => l.includes('Checked the fibre'))!;
    expect(line).toContain(`<@${people.eng1}>`);
    expect(line).toContain('<!date^');
    expect(line).toContain('Checked the fibre at the cabinet\nsplicing now');
    expect((await notes()).map((n) => [n.actorId, (n.detail as any).text, n.at.toISOString()])).toEqual([
      [people.eng1, 'Checked the fibre at the cabinet\nsplicing now', '2026-11-23T02:20:00.000Z'],
    ]);
  });

  it('opens the note modal from Add note on the ticket for the account manager; the submitted note is escaped once', async () => {
    await clickTicketButton(t, { userId: people.am1, number: ticket.number, actionId: ticketIds.addNote, triggerId: 'trigger-note-am1' });
    const view = (await t.slack.waitFor((c) => c.method === 'views.open' && c.args.trigger_id === 'trigger-note-am1')).response.view;
    expect(view.callback_id).toBe(ticketIds.noteView);
    expect(JSON.parse(view.private_metadata)).toEqual({ ticketId: ticket.id });
    t.clock.set('2026-11-23T02:30:00Z');
    const submitted = await t.driver.viewSubmission({ userId: people.am1, view, values: { note_text: { note_text: plainText('客户说 <!channel> 下午3点前 *务必* 恢复 & 回电') } } });
    expect(submitted.status).toBe(200);
    expect(submitted.text, 'the modal closed').toBe('');
    await t.bot.ctx.outbox.idle();
    const line = (await threadLines()).find((l) => l.includes('务必'))!;
    expect(line).toContain(`<@${people.am1}>`);
    expect(line).toContain('&lt;!channel&gt;');
    expect(line).not.toContain('<!channel>');
    expect(line).toContain('&amp;');
    expect((await notes()).map((n) => n.actorId)).toEqual([people.eng1, people.am1]);
  });

  it('asks again for an empty note in the modal, and stores nothing', async () => {
    await clickTicketButton(t, { userId: people.sup1, number: ticket.number, actionId: ticketIds.addNote, triggerId: 'trigger-note-sup1' });
    const view = (await t.slack.waitFor((c) => c.method === 'views.open' && c.args.trigger_id === 'trigger-note-sup1')).response.view;
    const submitted = await t.driver.viewSubmission({ userId: people.sup1, view, values: { note_text: { note_text: plainText('   ') } } });
    expect(submitted.json).toMatchObject({ response_action: 'errors', errors: { note_text: expect.stringContaining('write the note') } });
    expect(await notes()).toHaveLength(2);
  });

  it('refuses someone who is neither the claimer, a supervisor of the region nor the account manager — before any form', async () => {
    const answer = await ticketCommand(t, people.eng2, `note ${ticket.number} not my ticket`);
    expect(answer.text).toContain('Only the engineer holding');
    const opens = t.slack.callsTo('views.open').length;
    const responseUrl = await clickTicketButton(t, { userId: people.eng2, number: ticket.number, actionId: ticketIds.addNote });
    const refusal = (await t.slack.waitFor((c) => c.method === 'response_url' && c.responseUrl === responseUrl)).args;
    expect(refusal.text).toContain('Only the engineer holding');
    expect(t.slack.callsTo('views.open')).toHaveLength(opens);
    expect(await notes()).toHaveLength(2);
  });

  it('answers the usage for a note without text, and lists the notes in /ticket show', async () => {
    expect((await ticketCommand(t, people.eng1, `note ${ticket.number}`)).text).toContain('Usage: `/ticket note');
    const shown = await ticketCommand(t, people.sup1, `show ${ticket.number}`);
    const history = JSON.stringify(shown.blocks);
    expect(history).toContain('note');
    expect(history).toContain('Checked the fibre at the cabinet');
    t.slack.assertNoRejections();
  });
});

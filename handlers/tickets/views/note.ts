// Submitting "Add note": an empty note is asked for again; a refusal (no longer allowed)
// is shown in the modal and nothing is stored. The note goes to the ticket's thread from
// the outbox and stays in its history.
import { addTicketNote } from '../../../src/domain/tickets/add-ticket-note.ts';
import { FormRejected } from '../../../src/errors.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { trimmedTextOf } from '../../../src/slack/edge/slack-values.ts';
import { noteFields as f } from '../../../src/slack/tickets/ticket-views.ts';
import { ticketModalSubmission } from './ticket-modal.ts';

export const ticketNoteView = (ctx: BotContext) =>
  ticketModalSubmission(ctx, f.text, async ({ userId, ticketId, values }) => {
    const text = trimmedTextOf(values, f.text, f.text);
    if (!text) throw new FormRejected([{ field: f.text, message: 'error.ticket_note_required' }]);
    await addTicketNote(ctx, { ticket: ticketId, actorId: userId, text });
  });

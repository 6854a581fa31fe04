// Submitting the major-fault modal: link the chosen customers and escalate at once.
import { markTicketMajor } from '../../../src/domain/tickets/mark-ticket-major.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { choicesOf, trimmedTextOf } from '../../../src/slack/edge/slack-values.ts';
import { ticketIds } from '../../../src/slack/ids.ts';
import { majorFields as f } from '../../../src/slack/tickets/ticket-views.ts';
import { ticketModalSubmission } from './ticket-modal.ts';

export const ticketMajorView = (ctx: BotContext) =>
  ticketModalSubmission(ctx, f.customers, async ({ userId, ticketId, values }) => {
    const codes = choicesOf(values, f.customers, ticketIds.affectedSearch);
    const note = trimmedTextOf(values, f.note, f.note) || undefined;
    await markTicketMajor(ctx, { ticket: ticketId, actorId: userId, customerCodes: codes, note });
  });

// Submitting "service restored": cause and what was done are required; a refusal (not
// allowed, or the ticket moved on) is shown in the modal and nothing changes.
import { restoreTicket } from '../../../src/domain/tickets/restore-ticket.ts';
import { FormRejected } from '../../../src/errors.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { trimmedTextOf } from '../../../src/slack/edge/slack-values.ts';
import { restoreFields as f } from '../../../src/slack/tickets/ticket-views.ts';
import { ticketModalSubmission } from './ticket-modal.ts';

export const ticketRestoreView = (ctx: BotContext) =>
  ticketModalSubmission(ctx, f.cause, async ({ userId, ticketId, values }) => {
    const cause = trimmedTextOf(values, f.cause, f.cause);
    const action = trimmedTextOf(values, f.action, f.action);
    const missing = [...(cause ? [] : [f.cause]), ...(action ? [] : [f.action])];
    if (missing.length > 0) throw new FormRejected(missing.map((field) => ({ field, message: 'ticket.modal.required' as const })));
    await restoreTicket(ctx, { ticket: ticketId, actorId: userId, cause, action });
  });

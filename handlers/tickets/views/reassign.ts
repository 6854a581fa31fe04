// Submitting "reassign": the person picked gets the ticket (a supervisor's step, audited
// like every step); someone who cannot hold it, or a ticket that moved on, is refused
// next to the field and nothing changes. The new holder is told by the outbox.
import { reassignTicket } from '../../../src/domain/tickets/reassign-ticket.ts';
import { FormRejected } from '../../../src/errors.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { userOf } from '../../../src/slack/edge/slack-values.ts';
import { reassignFields as f } from '../../../src/slack/tickets/ticket-views.ts';
import { ticketModalSubmission } from './ticket-modal.ts';

export const ticketReassignView = (ctx: BotContext) =>
  ticketModalSubmission(ctx, f.assignee, async ({ userId, ticketId, values }) => {
    const assignee = userOf(values, f.assignee, f.assignee);
    if (!assignee) throw new FormRejected([{ field: f.assignee, message: 'ticket.modal.required' }]);
    await reassignTicket(ctx, { ticket: ticketId, actorId: userId, toId: assignee });
  });

// Submitting "pause the clock": the reason is required; a refusal (not allowed, already
// paused or asked for, the ticket moved on) is shown in the modal and nothing changes.
// Otherwise the request goes to the supervisors; the ticket message and the requester's
// note ("gone to the supervisors of …") follow from the outbox.
import { requestSlaPause } from '../../../src/domain/tickets/request-sla-pause.ts';
import { FormRejected } from '../../../src/errors.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { trimmedTextOf } from '../../../src/slack/edge/slack-values.ts';
import { pauseFields as f } from '../../../src/slack/tickets/ticket-views.ts';
import { ticketModalSubmission } from './ticket-modal.ts';

export const ticketPauseView = (ctx: BotContext) =>
  ticketModalSubmission(ctx, f.reason, async ({ userId, ticketId, values }) => {
    const reason = trimmedTextOf(values, f.reason, f.reason);
    if (!reason) throw new FormRejected([{ field: f.reason, message: 'ticket.modal.required' }]);
    await requestSlaPause(ctx, { ticket: ticketId, actorId: userId, reason, notifyRequester: true });
  });

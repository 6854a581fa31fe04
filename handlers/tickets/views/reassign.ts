// Submitting "reassign": the person picked gets the ticket (a supervisor's step, audited
// like every step); someone who cannot hold it, or a ticket that moved on, is refused
// next to the field and nothing changes. The new holder is told by the outbox.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { reassignTicket } from '../../../src/domain/tickets/reassign-ticket.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { readSubmission } from '../../../src/slack/edge/edge-answers.ts';
import { carried, userOf } from '../../../src/slack/edge/slack-values.ts';
import { describeTicketFailure } from '../../../src/slack/edge/answer-about-ticket.ts';
import { answerSubmission } from '../../../src/slack/edge/answer-submission.ts';
import { FormRejected } from '../../../src/errors.ts';
import { reassignFields as f } from '../../../src/slack/tickets/ticket-views.ts';

export function ticketReassignView(ctx: BotContext) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const userId = body.user.id;
    const read = await readSubmission(ctx, { userId, view, metadata: carried.ticketModal });
    if (!read.ok) return ack(read.response);
    const { locale, values, metadata: { ticketId } } = read;
    const assignee = userOf(values, f.assignee, f.assignee);
    await answerSubmission(ctx, { userId, ack, locale, mainBlockId: f.assignee, describe: (l, e) => describeTicketFailure(ctx, l, e) }, async () => {
      if (!assignee) throw new FormRejected([{ field: f.assignee, message: 'ticket.modal.required' }]);
      await reassignTicket(ctx, { ticket: ticketId, actorId: userId, toId: assignee });
      ctx.outbox.kick();
    });
  };
}

// Submitting "service restored": cause and what was done are required; a refusal (not
// allowed, or the ticket moved on) is shown in the modal and nothing changes.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { restoreTicket } from '../../../src/domain/tickets/restore-ticket.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { readSubmission } from '../../../src/slack/edge/edge-answers.ts';
import { carried, trimmedTextOf } from '../../../src/slack/edge/slack-values.ts';
import { describeTicketFailure } from '../../../src/slack/edge/answer-about-ticket.ts';
import { answerSubmission } from '../../../src/slack/edge/answer-submission.ts';
import { FormRejected } from '../../../src/errors.ts';
import { restoreFields as f } from '../../../src/slack/tickets/ticket-views.ts';

export function ticketRestoreView(ctx: BotContext) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const userId = body.user.id;
    const read = await readSubmission(ctx, { userId, view, metadata: carried.ticketModal });
    if (!read.ok) return ack(read.response);
    const { locale, values, metadata: { ticketId } } = read;
    const cause = trimmedTextOf(values, f.cause, f.cause);
    const action = trimmedTextOf(values, f.action, f.action);
    await answerSubmission(ctx, { userId, ack, locale, mainBlockId: f.cause, describe: (l, e) => describeTicketFailure(ctx, l, e) }, async () => {
      const missing = [...(cause ? [] : [f.cause]), ...(action ? [] : [f.action])];
      if (missing.length > 0) throw new FormRejected(missing.map((field) => ({ field, message: 'ticket.modal.required' as const })));
      await restoreTicket(ctx, { ticket: ticketId, actorId: userId, cause, action });
      ctx.outbox.kick();
    });
  };
}

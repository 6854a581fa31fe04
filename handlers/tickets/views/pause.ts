// Submitting "pause the clock": the reason is required; a refusal (not allowed, already
// paused or asked for, the ticket moved on) is shown in the modal and nothing changes.
// Otherwise the request goes to the supervisors and the requester hears so directly.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { requestSlaPause } from '../../../src/domain/tickets/request-sla-pause.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { readSubmission } from '../../../src/slack/edge/edge-answers.ts';
import { carried, trimmedTextOf } from '../../../src/slack/edge/slack-values.ts';
import { describeTicketFailure } from '../../../src/slack/edge/answer-about-ticket.ts';
import { answerSubmission } from '../../../src/slack/edge/answer-submission.ts';
import { FormRejected } from '../../../src/errors.ts';
import { pauseFields as f } from '../../../src/slack/tickets/ticket-views.ts';

export function ticketPauseView(ctx: BotContext) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const userId = body.user.id;
    const read = await readSubmission(ctx, { userId, view, metadata: carried.ticketModal });
    if (!read.ok) return ack(read.response);
    const { locale, values, metadata: { ticketId } } = read;
    const reason = trimmedTextOf(values, f.reason, f.reason);
    await answerSubmission(ctx, { userId, ack, locale, mainBlockId: f.reason, describe: (l, e) => describeTicketFailure(ctx, l, e) }, async () => {
      if (!reason) throw new FormRejected([{ field: f.reason, message: 'ticket.modal.required' }]);
      await requestSlaPause(ctx, { ticket: ticketId, actorId: userId, reason, notifyRequester: true });
      // The ticket message and the requester's note ("gone to the supervisors of …") follow from the outbox.
      ctx.outbox.kick();
    });
  };
}

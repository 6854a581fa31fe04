// Submitting "pause the clock": the reason is required; a refusal (not allowed, already
// paused or asked for, the ticket moved on) is shown in the modal and nothing changes.
// Otherwise the request goes to the supervisors and the requester hears so directly.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import { requestSlaPause } from '../../../src/domain/tickets/request-sla-pause.ts';
import { t } from '../../../src/i18n/catalog.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { readSubmission } from '../../../src/slack/edge/edge-answers.ts';
import { carried, trimmedTextOf } from '../../../src/slack/edge/slack-values.ts';
import { describeTicketFailure } from '../../../src/slack/edge/answer-about-ticket.ts';
import { pauseFields as f } from '../../../src/slack/tickets/ticket-views.ts';

export function ticketPauseView(ctx: BotContext) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs & AllMiddlewareArgs) => {
    const userId = body.user.id;
    const read = await readSubmission(ctx, { userId, view, metadata: carried.ticketModal });
    if (!read.ok) return ack(read.response);
    const { locale, values, metadata: { ticketId } } = read;
    const reason = trimmedTextOf(values, f.reason, f.reason);
    if (!reason) {
      await ack({ response_action: 'errors', errors: { [f.reason]: t(locale, 'ticket.modal.required') } });
      return;
    }
    try {
      await requestSlaPause(ctx, { ticket: ticketId, actorId: userId, reason, notifyRequester: true });
    } catch (error) {
      await ack({ response_action: 'errors', errors: { [f.reason]: await describeTicketFailure(ctx, locale, error) } });
      return;
    }
    await ack();
    // The ticket message and the requester's note ("gone to the supervisors of …") follow from the outbox.
    ctx.outbox.kick();
  };
}

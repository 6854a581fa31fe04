// Submitting "service restored": cause and what was done are required; a refusal (not
// allowed, or the ticket moved on) is shown in the modal and nothing changes.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import { restoreTicket } from '../../../src/domain/tickets/restore-ticket.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { readSubmission } from '../../../src/slack/edge/edge-answers.ts';
import { carried, trimmedTextOf } from '../../../src/slack/edge/slack-values.ts';
import { describeTicketFailure } from '../../../src/slack/edge/answer-about-ticket.ts';
import { restoreFields as f } from '../../../src/slack/tickets/ticket-views.ts';
import { t } from '../../../src/i18n/catalog.ts';

export function ticketRestoreView(ctx: BotContext) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs & AllMiddlewareArgs) => {
    const userId = body.user.id;
    const read = await readSubmission(ctx, { userId, view, metadata: carried.ticketModal });
    if (!read.ok) return ack(read.response);
    const { locale, values, metadata: { ticketId } } = read;
    const cause = trimmedTextOf(values, f.cause, f.cause);
    const action = trimmedTextOf(values, f.action, f.action);
    if (!cause || !action) {
      const missing = t(locale, 'ticket.modal.required');
      await ack({ response_action: 'errors', errors: { ...(cause ? {} : { [f.cause]: missing }), ...(action ? {} : { [f.action]: missing }) } });
      return;
    }
    let change;
    try {
      change = await restoreTicket(ctx, { ticket: ticketId, actorId: userId, cause, action });
    } catch (error) {
      await ack({ response_action: 'errors', errors: { [f.cause]: await describeTicketFailure(ctx, locale, error) } });
      return;
    }
    await ack();
    ctx.outbox.kick();
  };
}

// Submitting "service restored": cause and what was done are required; a refusal (not
// allowed, or the ticket moved on) is shown in the modal and nothing changes.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { restoreTicket } from '../../src/domain/tickets/restore-ticket.ts';
import type { BotContext } from '../../src/slack/bot-context.ts';
import { localeBeforeAck } from '../../src/slack/locale.ts';
import { announceTicketChange } from '../../src/slack/tickets/announce-ticket.ts';
import { describeTicketFailure } from '../../src/slack/tickets/answer-about-ticket.ts';
import { restoreFields as f } from '../../src/slack/views/ticket-views.ts';
import { t } from '../../src/i18n/catalog.ts';
import { readTicketModal, textValue, trimmed } from './ticket-view-state.ts';

const state = z.object({ [f.cause]: z.object({ [f.cause]: textValue }), [f.action]: z.object({ [f.action]: textValue }) });

export function ticketRestoreView(ctx: BotContext) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs & AllMiddlewareArgs) => {
    const userId = body.user.id;
    const locale = await localeBeforeAck(ctx, userId).catch(() => ctx.config.locale);
    const read = await readTicketModal({ ctx, ack, userId, blockId: f.cause }, view, state, true);
    if (!read) return;
    const { ticketId, values } = read;
    const cause = trimmed(values[f.cause][f.cause]);
    const action = trimmed(values[f.action][f.action]);
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
    await announceTicketChange(ctx, change);
  };
}

// Submitting "pause the clock": the reason is required; a refusal (not allowed, already
// paused or asked for, the ticket moved on) is shown in the modal and nothing changes.
// Otherwise the request goes to the supervisors and the requester hears so directly.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { requestSlaPause } from '../../src/domain/tickets/request-sla-pause.ts';
import { t } from '../../src/i18n/catalog.ts';
import type { BotContext } from '../../src/slack/bot-context.ts';
import { localeBeforeAck } from '../../src/slack/locale.ts';
import { announceSlaPauseRequested, slaPauseRequestedText } from '../../src/slack/tickets/announce-sla-pause.ts';
import { describeTicketFailure } from '../../src/slack/tickets/answer-about-ticket.ts';
import { bestEffort } from '../../src/slack/tickets/best-effort.ts';
import { tellPerson } from '../../src/slack/tickets/ticket-audiences.ts';
import { pauseFields as f } from '../../src/slack/views/ticket-views.ts';
import { readTicketModal, textValue, trimmed } from './ticket-view-state.ts';

const state = z.object({ [f.reason]: z.object({ [f.reason]: textValue }) });

export function ticketPauseView(ctx: BotContext) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs & AllMiddlewareArgs) => {
    const userId = body.user.id;
    const locale = await localeBeforeAck(ctx, userId).catch(() => ctx.config.locale);
    const read = await readTicketModal({ ctx, ack, userId, blockId: f.reason }, view, state, true);
    if (!read) return;
    const { ticketId } = read;
    const reason = trimmed(read.values[f.reason][f.reason]);
    if (!reason) {
      await ack({ response_action: 'errors', errors: { [f.reason]: t(locale, 'ticket.modal.required') } });
      return;
    }
    let requested;
    try {
      requested = await requestSlaPause(ctx, { ticket: ticketId, actorId: userId, reason });
    } catch (error) {
      await ack({ response_action: 'errors', errors: { [f.reason]: await describeTicketFailure(ctx, locale, error) } });
      return;
    }
    await ack();
    await announceSlaPauseRequested(ctx, requested);
    const text = await slaPauseRequestedText(ctx, locale, requested.ticket);
    await bestEffort(ctx, 'pause requester', () => tellPerson(ctx, userId, () => text, `ticket ${requested.ticket.number} pause requested`));
  };
}

// The "Service restored…", "Major fault…" and "Pause clock" buttons open their modal.
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { BotContext } from '../../src/slack/bot-context.ts';
import { openTicketModal } from '../../src/slack/tickets/open-ticket-modal.ts';
import { ticketButtonValue } from './ticket-button-value.ts';

export function ticketOpenModalAction(ctx: BotContext, kind: 'restore' | 'major' | 'pause') {
  return async ({ ack, body, action, respond, client }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const ticketId = ticketButtonValue(ctx, action);
    if (!ticketId) return;
    await openTicketModal(ctx, { userId: body.user.id, respond, client, triggerId: body.trigger_id, kind, ticketRef: ticketId });
  };
}

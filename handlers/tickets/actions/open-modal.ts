// The "Service restored…", "Major fault…", "Pause clock", "Reassign…" and "Add note" buttons open their
// modal — after the same check as the step itself, so a refusal comes before any form.
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { openTicketModal } from '../../../src/slack/tickets/open-ticket-modal.ts';
import { readButtonValue } from '../../../src/slack/edge/edge-answers.ts';
import { carried } from '../../../src/slack/edge/slack-values.ts';

export function ticketOpenModalAction(ctx: BotContext, kind: 'restore' | 'major' | 'pause' | 'reassign' | 'note') {
  return async ({ ack, body, action, respond, client }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const ticketId = await readButtonValue(ctx, carried.ticketId, action, { userId: body.user.id, respond, view: body.view });
    if (ticketId === null) return;
    await openTicketModal(ctx, { userId: body.user.id, respond, client, triggerId: body.trigger_id, kind, ticketRef: ticketId });
  };
}

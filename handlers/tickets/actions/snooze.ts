// "Mute pings 30 min / 1 h" under a countdown ping: the claimer's pings of that ticket
// are muted for a while (the clock keeps running); the ticket message shows it.
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { snoozeTicketPings, type SnoozeMinutes } from '../../../src/domain/tickets/snooze-ticket-pings.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { answerTicketAction } from '../../../src/slack/edge/answer-about-ticket.ts';
import { readButtonValue } from '../../../src/slack/edge/edge-answers.ts';
import { carried } from '../../../src/slack/edge/slack-values.ts';
import { snoozedReply } from '../../../src/slack/tickets/snooze-buttons.ts';

export function ticketSnoozeAction(ctx: BotContext, minutes: SnoozeMinutes) {
  return async ({ ack, body, action, respond }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const ticketId = await readButtonValue(ctx, carried.ticketId, action, { userId: body.user.id, respond, view: body.view });
    if (ticketId === null) return;
    await answerTicketAction(ctx, { userId: body.user.id, respond }, async () => {
      const snoozed = await snoozeTicketPings(ctx, { ticket: ticketId, actorId: body.user.id, minutes });
      ctx.outbox.kick();
      return { reply: (locale) => snoozedReply(locale, ctx.config.timezone, snoozed.ticket, snoozed.until) };
    });
  };
}

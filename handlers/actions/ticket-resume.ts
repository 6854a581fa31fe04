// The "Resume clock" button on the ticket message: the clock runs again, the message shows
// the moved deadline, and the clicker is told privately by how much it moved.
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { resumeSlaClock } from '../../src/domain/tickets/resume-sla-clock.ts';
import type { BotContext } from '../../src/slack/bot-context.ts';
import { slaResumedText } from '../../src/slack/tickets/announce-sla-pause.ts';
import { answerTicketAction } from '../../src/slack/tickets/answer-about-ticket.ts';
import { ticketButtonValue } from './ticket-button-value.ts';

export function ticketResumeAction(ctx: BotContext) {
  return async ({ ack, body, action, respond }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const ticketId = ticketButtonValue(ctx, action);
    if (!ticketId) return;
    await answerTicketAction(ctx, { userId: body.user.id, respond }, async () => {
      const resumed = await resumeSlaClock(ctx, { ticket: ticketId, actorId: body.user.id });
      ctx.outbox.kick();
      return { reply: (locale) => ({ text: slaResumedText(locale, ctx.config.timezone, resumed.ticket, resumed.pausedFor) }) };
    });
  };
}

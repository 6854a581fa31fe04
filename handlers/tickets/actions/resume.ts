// The "Resume clock" button on the ticket message: the clock runs again, the message shows
// the moved deadline, and the clicker is told privately by how much it moved.
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { resumeSlaClock } from '../../../src/domain/tickets/resume-sla-clock.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { slaResumedText } from '../../../src/slack/tickets/announce-sla-pause.ts';
import { answerTicketAction } from '../../../src/slack/edge/answer-about-ticket.ts';
import { readButtonValue } from '../../../src/slack/edge/edge-answers.ts';
import { carried } from '../../../src/slack/edge/slack-values.ts';

export function ticketResumeAction(ctx: BotContext) {
  return async ({ ack, body, action, respond }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const ticketId = await readButtonValue(ctx, carried.ticketId, action, { userId: body.user.id, respond, view: body.view });
    if (ticketId === null) return;
    await answerTicketAction(ctx, { userId: body.user.id, respond }, async () => {
      const resumed = await resumeSlaClock(ctx, { ticket: ticketId, actorId: body.user.id });
      ctx.outbox.kick();
      return { reply: (locale) => ({ text: slaResumedText(locale, ctx.config.timezone, resumed.ticket, resumed.pausedFor) }) };
    });
  };
}

// The claimer's answer to "still on it?" in their DM (see answer-claim-check.ts): the
// question is replaced by the outcome, or by what happened if it was overtaken.
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { answerTicketAction } from '../../../src/slack/edge/answer-about-ticket.ts';
import { answerClaimCheck, type ClaimCheckAnswer } from '../../../src/slack/tickets/answer-claim-check.ts';
import { readButtonValue } from '../../../src/slack/edge/edge-answers.ts';
import { carried } from '../../../src/slack/edge/slack-values.ts';

export function ticketClaimCheckAction(ctx: BotContext, answer: ClaimCheckAnswer) {
  return async ({ ack, body, action, respond }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const ticketId = await readButtonValue(ctx, carried.ticketId, action, { userId: body.user.id, respond, view: body.view });
    if (ticketId === null) return;
    await answerTicketAction(ctx, { userId: body.user.id, respond }, () => answerClaimCheck(ctx, { ticketId, userId: body.user.id, answer }));
  };
}

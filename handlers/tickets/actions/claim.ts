// The Claim button: of many clicks at once exactly one wins (the message loses its
// button at once); everyone else is told privately who has it and since when.
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { claimTicket } from '../../../src/domain/tickets/claim-ticket.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { answerTicketAction } from '../../../src/slack/edge/answer-about-ticket.ts';
import { claimedReply } from '../../../src/slack/tickets/ticket-replies.ts';
import { respondOnHomeToo } from '../../../src/slack/edge/tell-clicker.ts';
import { readButtonValue } from '../../../src/slack/edge/edge-answers.ts';
import { carried } from '../../../src/slack/edge/slack-values.ts';

export function ticketClaimAction(ctx: BotContext) {
  return async ({ ack, body, action, respond }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const ticketId = await readButtonValue(ctx, carried.ticketId, action, { userId: body.user.id, respond, view: body.view });
    if (ticketId === null) return;
    await answerTicketAction(ctx, { userId: body.user.id, respond: respondOnHomeToo(ctx, { userId: body.user.id, respond, view: body.view }) }, async () => {
      const change = await claimTicket(ctx, { ticket: ticketId, actorId: body.user.id });
      ctx.outbox.kick();
      const { ticket } = change;
      return {
        reply: (locale) => claimedReply(locale, ctx.config.timezone, ticket),
      };
    });
  };
}

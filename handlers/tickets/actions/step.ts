// The On site, Release and Close buttons on the ticket message: the updated message is
// the answer; a refusal comes privately and changes nothing.
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { closeTicket } from '../../../src/domain/tickets/close-ticket.ts';
import { markOnSite } from '../../../src/domain/tickets/mark-on-site.ts';
import { releaseTicket } from '../../../src/domain/tickets/release-ticket.ts';
import type { TicketChange } from '../../../src/domain/tickets/take-ticket-step.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { answerTicketAction } from '../../../src/slack/edge/answer-about-ticket.ts';
import { readButtonValue } from '../../../src/slack/edge/edge-answers.ts';
import { carried } from '../../../src/slack/edge/slack-values.ts';

type TicketStepFn = (ctx: BotContext, input: { ticket: string; actorId: string }) => Promise<TicketChange>;

const steps = { on_site: markOnSite, release: releaseTicket, close: closeTicket } satisfies Record<string, TicketStepFn>;

export function ticketStepAction(ctx: BotContext, step: keyof typeof steps) {
  const take = steps[step];
  return async ({ ack, body, action, respond }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const ticketId = await readButtonValue(ctx, carried.ticketId, action, { userId: body.user.id, respond, view: body.view });
    if (ticketId === null) return;
    await answerTicketAction(ctx, { userId: body.user.id, respond }, async () => {
      await take(ctx, { ticket: ticketId, actorId: body.user.id });
      ctx.outbox.kick();
      return null;
    });
  };
}

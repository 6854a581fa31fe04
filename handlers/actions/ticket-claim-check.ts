// The claimer's answer to "still on it?" in their DM: yes keeps the ticket (and the
// check starts again), release gives it back. The question is replaced by the outcome.
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { confirmClaim } from '../../src/domain/tickets/confirm-claim.ts';
import { releaseTicket } from '../../src/domain/tickets/release-ticket.ts';
import { t } from '../../src/i18n/catalog.ts';
import type { BotContext } from '../../src/slack/bot-context.ts';
import { answerTicketAction } from '../../src/slack/tickets/answer-about-ticket.ts';
import { statusLabel } from '../../src/slack/tickets/ticket-words.ts';
import { readButtonValue } from '../../src/slack/edge-answers.ts';
import { carried } from '../../src/slack/slack-values.ts';

export function ticketClaimCheckAction(ctx: BotContext, answer: 'still_on_it' | 'release') {
  return async ({ ack, body, action, respond }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const ticketId = await readButtonValue(ctx, carried.ticketId, action, { userId: body.user.id, respond, view: body.view });
    if (ticketId === null) return;
    await answerTicketAction(ctx, { userId: body.user.id, respond }, async () => {
      const input = { ticket: ticketId, actorId: body.user.id };
      const change = answer === 'still_on_it' ? await confirmClaim(ctx, input) : await releaseTicket(ctx, input);
      ctx.outbox.kick();
      const { number, status } = change.ticket;
      return {
        replaceOriginal: true,
        reply: (locale) => ({
          text: answer === 'still_on_it' ? t(locale, 'ticket.claim_check.thanks', { number }) : t(locale, 'ticket.done.step', { number, status: statusLabel(locale, status) }),
        }),
      };
    });
  };
}

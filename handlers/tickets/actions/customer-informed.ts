// "Customer informed" on the account manager's live-tracking DM (介入制): recorded and
// audited, the reminder counts again from now, the DM, the ticket message and the Home
// say so; the manager is answered privately.
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { recordCustomerInformed } from '../../../src/domain/tickets/record-customer-informed.ts';
import { t } from '../../../src/i18n/catalog.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { answerTicketAction } from '../../../src/slack/edge/answer-about-ticket.ts';
import { readButtonValue } from '../../../src/slack/edge/edge-answers.ts';
import { carried } from '../../../src/slack/edge/slack-values.ts';
import { slackDate } from '../../../src/slack/kit/slack-date.ts';

export function ticketCustomerInformedAction(ctx: BotContext) {
  return async ({ ack, body, action, respond }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const ticketId = await readButtonValue(ctx, carried.ticketId, action, { userId: body.user.id, respond, view: body.view });
    if (ticketId === null) return;
    await answerTicketAction(ctx, { userId: body.user.id, respond }, async () => {
      const informed = await recordCustomerInformed(ctx, { ticketId, actorId: body.user.id });
      ctx.outbox.kick();
      return { reply: (locale) => ({ text: t(locale, 'ticket.live.informed.done', { number: informed.number, at: slackDate(informed.at, ctx.config.timezone), minutes: informed.informMinutes }) }) };
    });
  };
}

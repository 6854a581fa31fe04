// What every form about one ticket does on submit (restore, major, pause, reassign): read
// it through the one reader (an unreadable one is "out of date"), run the step, and
// answer once — a missing field or a refusal on its block, nothing changed — then let
// the outbox deliver what the step announced.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { Locale } from '../../../src/i18n/catalog.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { describeTicketFailure } from '../../../src/slack/edge/answer-about-ticket.ts';
import { answerSubmission } from '../../../src/slack/edge/answer-submission.ts';
import { readSubmission } from '../../../src/slack/edge/edge-answers.ts';
import { carried, type ViewValues } from '../../../src/slack/edge/slack-values.ts';

export type TicketForm = { userId: string; ticketId: string; values: ViewValues; locale: Locale };

/** `mainBlockId`: where a refusal that names no field is shown. */
export function ticketModalSubmission(ctx: BotContext, mainBlockId: string, step: (form: TicketForm) => Promise<void>) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const userId = body.user.id;
    const read = await readSubmission(ctx, { userId, view, metadata: carried.ticketModal });
    if (!read.ok) return ack(read.response);
    const { locale, values, metadata } = read;
    await answerSubmission(ctx, { userId, ack, locale, mainBlockId, describe: (l, e) => describeTicketFailure(ctx, l, e) }, async () => {
      await step({ userId, ticketId: metadata.ticketId, values, locale });
      ctx.outbox.kick();
    });
  };
}

// Submitting the major-fault modal: link the chosen customers and escalate at once.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { markTicketMajor } from '../../../src/domain/tickets/mark-ticket-major.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { ticketIds } from '../../../src/slack/ids.ts';
import { readSubmission } from '../../../src/slack/edge/edge-answers.ts';
import { carried, choicesOf, trimmedTextOf } from '../../../src/slack/edge/slack-values.ts';
import { describeTicketFailure } from '../../../src/slack/edge/answer-about-ticket.ts';
import { answerSubmission } from '../../../src/slack/edge/answer-submission.ts';
import { majorFields as f } from '../../../src/slack/tickets/ticket-views.ts';

export function ticketMajorView(ctx: BotContext) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const userId = body.user.id;
    const read = await readSubmission(ctx, { userId, view, metadata: carried.ticketModal });
    if (!read.ok) return ack(read.response);
    const { locale, values, metadata: { ticketId } } = read;
    const codes = choicesOf(values, f.customers, ticketIds.affectedSearch);
    const note = trimmedTextOf(values, f.note, f.note) || undefined;
    await answerSubmission(ctx, { userId, ack, locale, mainBlockId: f.customers, describe: (l, e) => describeTicketFailure(ctx, l, e) }, async () => {
      await markTicketMajor(ctx, { ticket: ticketId, actorId: userId, customerCodes: codes, note });
      ctx.outbox.kick();
    });
  };
}

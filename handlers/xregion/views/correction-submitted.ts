// A correction of either form: stored as the next version, both messages re-rendered
// with it, and a note in both threads saying who corrected what.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { correctAcceptanceForm, correctReplyForm } from '../../../src/domain/xregion/correct-forms.ts';
import { t, tPlain } from '../../../src/i18n/catalog.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { acceptanceBlockIds } from '../../../src/slack/xregion/acceptance-modal.ts';
import { doneModal, replyBlockIds } from '../../../src/slack/xregion/reply-modals.ts';
import { readSubmission } from '../../../src/slack/edge/edge-answers.ts';
import { carried } from '../../../src/slack/edge/slack-values.ts';
import { answerSubmission } from '../../../src/slack/edge/answer-submission.ts';
import { readAcceptanceForm, readReplyForm } from './read-forms.ts';

export function xregionCorrectionSubmitted(ctx: BotContext, form: 'acceptance' | 'reply') {
  const blockIds = form === 'acceptance' ? acceptanceBlockIds : replyBlockIds;
  return async ({ ack, body, view }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const actorId = body.user.id;
    const read = await readSubmission(ctx, { userId: actorId, view, metadata: carried.xregionModal });
    if (!read.ok) return ack(read.response);
    const { requestId } = read.metadata;
    await answerSubmission(ctx, { userId: actorId, ack, blockIds, mainBlockId: form === 'acceptance' ? acceptanceBlockIds.description : replyBlockIds.actionsTaken }, async (locale) => {
      const saved = form === 'acceptance'
        ? await correctAcceptanceForm(ctx, { requestId, actorId, form: readAcceptanceForm(read.values) })
        : await correctReplyForm(ctx, { requestId, actorId, form: readReplyForm(read.values) });
      const title = tPlain(locale, form === 'acceptance' ? 'xregion.form.correct_title' : 'xregion.reply.correct_title');
      return {
        view: doneModal(locale, title, t(locale, 'xregion.corrected.body', { number: saved.number, version: saved.version })),
        after: async () => ctx.outbox.kick(),
      };
    });
  };
}

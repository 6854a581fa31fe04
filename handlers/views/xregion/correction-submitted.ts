// A correction of either form: stored as the next version, both messages re-rendered
// with it, and a note in both threads saying who corrected what.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { correctAcceptanceForm, correctReplyForm } from '../../../src/domain/xregion/correct-forms.ts';
import { t, tPlain } from '../../../src/i18n/catalog.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { correctedThreadNotice } from '../../../src/slack/blocks/xregion/notices.ts';
import { acceptanceBlockIds } from '../../../src/slack/views/xregion/acceptance-modal.ts';
import { doneModal, replyBlockIds } from '../../../src/slack/views/xregion/reply-modals.ts';
import { answerSubmission } from '../../../src/slack/xregion/answer-submission.ts';
import { postInThreads, refreshRequestMessages } from '../../../src/slack/xregion/request-messages.ts';
import { readAcceptanceForm, readReplyForm, requestIdOf } from './read-forms.ts';

export function xregionCorrectionSubmitted(ctx: BotContext, form: 'acceptance' | 'reply') {
  const blockIds = form === 'acceptance' ? acceptanceBlockIds : replyBlockIds;
  return async ({ ack, body, view }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const actorId = body.user.id;
    await answerSubmission(ctx, { userId: actorId, ack, blockIds, mainBlockId: form === 'acceptance' ? acceptanceBlockIds.description : replyBlockIds.actionsTaken }, async (locale) => {
      const requestId = requestIdOf(view.private_metadata);
      const saved = form === 'acceptance'
        ? await correctAcceptanceForm(ctx, { requestId, actorId, form: readAcceptanceForm(view.state.values) })
        : await correctReplyForm(ctx, { requestId, actorId, form: readReplyForm(view.state.values) });
      const title = tPlain(locale, form === 'acceptance' ? 'xregion.form.correct_title' : 'xregion.reply.correct_title');
      return {
        view: doneModal(locale, title, t(locale, 'xregion.corrected.body', { number: saved.number, version: saved.version })),
        after: async () => {
          const record = await refreshRequestMessages(ctx, requestId);
          await postInThreads(ctx, record, (reader) => correctedThreadNotice(form, actorId, saved.version, reader));
        },
      };
    });
  };
}

// The reply form closes the request: both messages updated, the reply posted in both
// threads, and the opener and the member's account manager told directly.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { replyToCrossRegionRequest } from '../../../src/domain/xregion/reply-to-request.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { replyBlockIds } from '../../../src/slack/views/xregion/reply-modals.ts';
import { answerSubmission } from '../../../src/slack/xregion/answer-submission.ts';
import { readReplyForm, requestIdOf } from './read-forms.ts';

export function xregionReplySubmitted(ctx: BotContext) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    await answerSubmission(ctx, { userId: body.user.id, ack, blockIds: replyBlockIds, mainBlockId: replyBlockIds.actionsTaken }, async () => {
      await replyToCrossRegionRequest(ctx, { requestId: requestIdOf(view.private_metadata), actorId: body.user.id, form: readReplyForm(view.state.values) });
      return { after: async () => ctx.outbox.kick() };
    });
  };
}

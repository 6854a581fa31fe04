// The reply form closes the request: both messages updated, the reply posted in both
// threads, and the opener and the member's account manager told directly.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { replyToCrossRegionRequest } from '../../../src/domain/xregion/reply-to-request.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { replyBlockIds } from '../../../src/slack/xregion/reply-modals.ts';
import { readSubmission } from '../../../src/slack/edge/edge-answers.ts';
import { carried } from '../../../src/slack/edge/slack-values.ts';
import { answerSubmission } from '../../../src/slack/edge/answer-submission.ts';
import { readReplyForm } from './read-forms.ts';

export function xregionReplySubmitted(ctx: BotContext) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const read = await readSubmission(ctx, { userId: body.user.id, view, metadata: carried.xregionModal });
    if (!read.ok) return ack(read.response);
    await answerSubmission(ctx, { userId: body.user.id, ack, blockIds: replyBlockIds, mainBlockId: replyBlockIds.actionsTaken }, async () => {
      await replyToCrossRegionRequest(ctx, { requestId: read.metadata.requestId, actorId: body.user.id, form: readReplyForm(read.values) });
      return { after: async () => ctx.outbox.kick() };
    });
  };
}

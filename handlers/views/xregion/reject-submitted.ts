// Turning a request back: closed with the reason, shown in both messages and threads,
// and the opener told so they can explain it to the member.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { rejectCrossRegionRequest } from '../../../src/domain/xregion/reject-request.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { rejectBlockIds } from '../../../src/slack/views/xregion/reply-modals.ts';
import { answerSubmission } from '../../../src/slack/xregion/answer-submission.ts';
import { readRejectReason, requestIdOf } from './read-forms.ts';

export function xregionRejectSubmitted(ctx: BotContext) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    await answerSubmission(ctx, { userId: body.user.id, ack, blockIds: rejectBlockIds, mainBlockId: rejectBlockIds.reason }, async () => {
      await rejectCrossRegionRequest(ctx, { requestId: requestIdOf(view.private_metadata), actorId: body.user.id, reason: readRejectReason(view.state.values) });
      return { after: async () => ctx.outbox.kick() };
    });
  };
}

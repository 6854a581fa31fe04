// Turning a request back: closed with the reason, shown in both messages and threads,
// and the opener told so they can explain it to the member.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { rejectCrossRegionRequest } from '../../../src/domain/xregion/reject-request.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { rejectBlockIds } from '../../../src/slack/xregion/reply-modals.ts';
import { readSubmission } from '../../../src/slack/edge/edge-answers.ts';
import { carried } from '../../../src/slack/edge/slack-values.ts';
import { answerSubmission } from '../../../src/slack/edge/answer-submission.ts';
import { readRejectReason } from './read-forms.ts';

export function xregionRejectSubmitted(ctx: BotContext) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const read = await readSubmission(ctx, { userId: body.user.id, view, metadata: carried.xregionModal });
    if (!read.ok) return ack(read.response);
    await answerSubmission(ctx, { userId: body.user.id, ack, blockIds: rejectBlockIds, mainBlockId: rejectBlockIds.reason }, async () => {
      await rejectCrossRegionRequest(ctx, { requestId: read.metadata.requestId, actorId: body.user.id, reason: readRejectReason(read.values) });
      return { after: async () => ctx.outbox.kick() };
    });
  };
}

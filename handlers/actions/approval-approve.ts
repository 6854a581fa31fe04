// Approve on an approval request. The clicker hears privately only when there is
// something to say (refused, already decided, a second approver needed); the channel
// message is updated in place and the requester told once the request is decided.
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { decideForSlack } from '../../src/slack/approvals/decide-for-slack.ts';
import type { BotContext } from '../../src/slack/bot-context.ts';
import { requestIdSchema } from './approval-request-id.ts';

export function approvalApproveAction(ctx: BotContext) {
  return async ({ ack, body, action, respond }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const requestId = requestIdSchema.parse(action.value);
    const decision = await decideForSlack(ctx, { requestId, deciderId: body.user.id, verdict: 'approve' });
    if (decision.notice) await respond({ response_type: 'ephemeral', replace_original: false, text: decision.notice });
    await decision.publish();
  };
}

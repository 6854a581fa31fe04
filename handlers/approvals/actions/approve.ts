// Approve on an approval request. The clicker hears privately only when there is
// something to say (refused, already decided, a second approver needed); the channel
// message is updated in place and the requester told once the request is decided.
// From the Home tab the word appears on the Home, refreshed after the decision.
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { decideForSlack } from '../../../src/slack/approvals/decide-for-slack.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { clickedOnHome, tellClicker } from '../../../src/slack/edge/tell-clicker.ts';
import { readButtonValue } from '../../../src/slack/edge/edge-answers.ts';
import { carried } from '../../../src/slack/edge/slack-values.ts';

export function approvalApproveAction(ctx: BotContext) {
  return async ({ ack, body, action, respond }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const requestId = await readButtonValue(ctx, carried.approvalRequestId, action, { userId: body.user.id, respond, view: body.view });
    if (requestId === null) return;
    const decision = await decideForSlack(ctx, { requestId, deciderId: body.user.id, verdict: 'approve' });
    const clicker = { userId: body.user.id, respond, view: body.view };
    // On the Home tab the word is drawn on the Home, so it must come after the refresh.
    const onHome = clickedOnHome(clicker);
    if (decision.notice && !onHome) await tellClicker(ctx, clicker, decision.notice);
    await decision.publish();
    if (decision.notice && onHome) await tellClicker(ctx, clicker, decision.notice);
  };
}

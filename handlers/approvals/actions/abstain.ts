// Abstain on a two-approver request: this supervisor steps aside (they no longer vote on
// it), the message shows it and the next supervisor of the region is asked in its thread.
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { decideForSlack } from '../../../src/slack/approvals/decide-for-slack.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { clickedOnHome, tellClicker } from '../../../src/slack/edge/tell-clicker.ts';
import { readButtonValue } from '../../../src/slack/edge/edge-answers.ts';
import { carried } from '../../../src/slack/edge/slack-values.ts';

export function approvalAbstainAction(ctx: BotContext) {
  return async ({ ack, body, action, respond }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const requestId = await readButtonValue(ctx, carried.approvalRequestId, action, { userId: body.user.id, respond, view: body.view });
    if (requestId === null) return;
    const decision = await decideForSlack(ctx, { requestId, deciderId: body.user.id, verdict: 'abstain' });
    const clicker = { userId: body.user.id, respond, view: body.view };
    const onHome = clickedOnHome(clicker);
    if (decision.notice && !onHome) await tellClicker(ctx, clicker, decision.notice);
    await decision.publish();
    if (decision.notice && onHome) await tellClicker(ctx, clicker, decision.notice);
  };
}

// Approvals: one mechanism for every kind of request.
import type { App } from '@slack/bolt';
import type { BotContext } from '../../src/slack/bot-context.ts';
import { approvalIds } from '../../src/slack/ids.ts';
import { approvalAbstainAction } from './actions/abstain.ts';
import { approvalApproveAction } from './actions/approve.ts';
import { approvalRejectAction } from './actions/reject.ts';
import { approvalRejectReasonView } from './views/reject-reason.ts';

export function registerApprovalListeners(app: App, ctx: BotContext): void {
  app.action(approvalIds.approve, approvalApproveAction(ctx));
  app.action(approvalIds.reject, approvalRejectAction(ctx));
  app.action(approvalIds.abstain, approvalAbstainAction(ctx));
  app.view(approvalIds.rejectView, approvalRejectReasonView(ctx));
}

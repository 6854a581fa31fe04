// Submission of the Reject modal. The decision is taken before the ack so that a
// request decided meanwhile can be shown in the modal itself; the channel message and
// the requester's notice follow the ack.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { t } from '../../../src/i18n/catalog.ts';
import { decideForSlack } from '../../../src/slack/approvals/decide-for-slack.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { readSubmission } from '../../../src/slack/edge/edge-answers.ts';
import { approvalIds } from '../../../src/slack/ids.ts';
import { carried, trimmedTextOf } from '../../../src/slack/edge/slack-values.ts';
import { noticeModal } from '../../../src/slack/approvals/approval-reject-modal.ts';

export function approvalRejectReasonView(ctx: BotContext) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const userId = body.user.id;
    const read = await readSubmission(ctx, { userId, view, metadata: carried.approvalModal });
    if (!read.ok) return ack(read.response);
    const { locale, metadata } = read;
    const reason = trimmedTextOf(read.values, approvalIds.rejectReason, approvalIds.rejectReason);
    if (!reason) return ack({ response_action: 'errors', errors: { [approvalIds.rejectReason]: t(locale, 'error.approval_reason_required') } });
    const decision = await decideForSlack(ctx, { requestId: metadata.requestId, deciderId: userId, verdict: 'reject', reason });
    await (decision.notice ? ack({ response_action: 'update', view: noticeModal(locale, decision.notice) }) : ack());
    await decision.publish();
  };
}

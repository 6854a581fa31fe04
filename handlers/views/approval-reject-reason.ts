// Submission of the Reject modal. The decision is taken before the ack so that a
// request decided meanwhile can be shown in the modal itself; the channel message and
// the requester's notice follow the ack.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import { t } from '../../src/i18n/catalog.ts';
import { decideForSlack } from '../../src/slack/approvals/decide-for-slack.ts';
import type { BotContext } from '../../src/slack/bot-context.ts';
import { approvalIds } from '../../src/slack/ids.ts';
import { localeBeforeAck } from '../../src/slack/locale.ts';
import { noticeModal } from '../../src/slack/views/approval-reject.ts';
import { requestIdSchema } from '../actions/approval-request-id.ts';

const metadata = z
  .string()
  .transform((raw, ctx) => {
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'private_metadata is not JSON' });
      return z.NEVER;
    }
  })
  .pipe(z.object({ requestId: requestIdSchema }));

export function approvalRejectReasonView(ctx: BotContext) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const userId = body.user.id;
    const locale = await localeBeforeAck(ctx, userId).catch(() => ctx.config.locale);
    const parsed = metadata.safeParse(view.private_metadata);
    if (!parsed.success) {
      ctx.logger.warn({ issues: parsed.error.issues }, 'reject modal with unreadable metadata');
      return ack({ response_action: 'update', view: noticeModal(locale, t(locale, 'error.outdated_button')) });
    }
    const { requestId } = parsed.data;
    const reason = view.state.values[approvalIds.rejectReason]?.[approvalIds.rejectReason]?.value?.trim();
    if (!reason) return ack({ response_action: 'errors', errors: { [approvalIds.rejectReason]: t(locale, 'error.approval_reason_required') } });
    const decision = await decideForSlack(ctx, { requestId, deciderId: userId, verdict: 'reject', reason });
    await (decision.notice ? ack({ response_action: 'update', view: noticeModal(locale, decision.notice) }) : ack());
    await decision.publish();
  };
}

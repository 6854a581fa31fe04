// Reject on an approval request: opens the reason modal — but only for someone who may
// decide; anyone else is refused privately (and the attempt audited) without a modal.
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { assertMayDecide } from '../../../src/domain/approvals/decide-approval.ts';
import { t, tPlain, type Mrkdwn } from '../../../src/i18n/catalog.ts';
import { describeApproval } from '../../../src/slack/approvals/approval-request.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { describeFailure } from '../../../src/slack/edge/describe-failure.ts';
import { localeOf } from '../../../src/slack/locale.ts';
import { rejectReasonModal } from '../../../src/slack/approvals/approval-reject-modal.ts';
import { tellClicker } from '../../../src/slack/edge/tell-clicker.ts';
import { readButtonValue } from '../../../src/slack/edge/edge-answers.ts';
import { carried } from '../../../src/slack/edge/slack-values.ts';

export function approvalRejectAction(ctx: BotContext) {
  return async ({ ack, body, action, client, respond }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const requestId = await readButtonValue(ctx, carried.approvalRequestId, action, { userId: body.user.id, respond, view: body.view });
    if (requestId === null) return;
    const locale = await localeOf(ctx, body.user.id).catch(() => ctx.config.locale);
    const tell = (text: Mrkdwn) => tellClicker(ctx, { userId: body.user.id, respond, view: body.view }, text);
    try {
      const record = await assertMayDecide(ctx, { requestId, deciderId: body.user.id, attempted: 'reject' });
      if (record.status !== 'pending') {
        await tell(t(locale, 'approval.already_decided', { state: tPlain(locale, `approval.state.${record.status}`) }));
        return;
      }
      const { title } = describeApproval(record, locale);
      await client.views.open({ trigger_id: body.trigger_id, view: rejectReasonModal(locale, { requestId, title }) });
    } catch (error) {
      await tell(await describeFailure(ctx, locale, error));
    }
  };
}

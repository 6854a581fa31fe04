// Submission of the /retain modal. Bad input goes back next to its field
// (response_action: errors) and nothing is stored; a stored case replaces the modal
// with a confirmation, and an offer that needs approval is then posted to the
// supervisors. The case is stored before the ack so refusals can still show in the form.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { recordRetentionCase } from '../../src/domain/retention/record-retention-case.ts';
import { retentionSettings } from '../../src/domain/retention/retention-settings.ts';
import { DomainError } from '../../src/errors.ts';
import { announceApproval } from '../../src/slack/approvals/publish-approval.ts';
import type { BotContext } from '../../src/slack/bot-context.ts';
import { describeFailure } from '../../src/slack/describe-failure.ts';
import { refreshHomes } from '../../src/slack/home/publish-home.ts';
import { retentionIds } from '../../src/slack/ids.ts';
import { localeBeforeAck } from '../../src/slack/locale.ts';
import { fieldOfError, parseRetentionForm } from '../../src/slack/views/retention-case.ts';
import { retentionConfirmation } from '../../src/slack/views/retention-confirmation.ts';

export function retentionRecordView(ctx: BotContext) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const userId = body.user.id;
    const locale = await localeBeforeAck(ctx, userId).catch(() => ctx.config.locale);
    const form = parseRetentionForm(locale, view.state.values);
    if (!form.ok) return ack({ response_action: 'errors', errors: form.errors });
    let result;
    try {
      result = await recordRetentionCase(ctx, retentionSettings(ctx.config), { ...form.input, actorId: userId });
    } catch (error) {
      const field = (error instanceof DomainError && fieldOfError[error.code]) || retentionIds.customer;
      return ack({ response_action: 'errors', errors: { [field]: await describeFailure(ctx, locale, error) } });
    }
    await ack({ response_action: 'update', view: retentionConfirmation(locale, result, result.approval ? null : form.input.followUpOn) });
    if (result.approval) {
      // If Slack is unreachable now, the request's deadline timer posts it later.
      await announceApproval(ctx, result.approval.id).catch((error: unknown) => ctx.logger.warn({ err: error }, 'approval post failed; will retry'));
    }
    // A "considering" case is listed on the manager's Home.
    await refreshHomes(ctx, [userId]);
  };
}

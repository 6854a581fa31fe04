// Submission of the /retain modal. Bad input goes back next to its field
// (response_action: errors) and nothing is stored; a stored case replaces the modal
// with a confirmation, and an offer that needs approval is then posted to the
// supervisors. The case is stored before the ack so refusals can still show in the form.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { recordRetentionCase } from '../../../src/domain/retention/record-retention-case.ts';
import { retentionSettings } from '../../../src/domain/retention/retention-settings.ts';
import { DomainError } from '../../../src/errors.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { describeFailure } from '../../../src/slack/edge/describe-failure.ts';
import { retentionIds } from '../../../src/slack/ids.ts';
import { readSubmission } from '../../../src/slack/edge/edge-answers.ts';
import { fieldOfError, parseRetentionForm } from '../../../src/slack/retention/retention-case.ts';
import { retentionConfirmation } from '../../../src/slack/retention/retention-confirmation.ts';

export function retentionRecordView(ctx: BotContext) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const userId = body.user.id;
    const read = await readSubmission(ctx, { userId, view });
    if (!read.ok) return ack(read.response);
    const { locale } = read;
    const form = parseRetentionForm(locale, read.values);
    if (!form.ok) return ack({ response_action: 'errors', errors: form.errors });
    let result;
    try {
      result = await recordRetentionCase(ctx, retentionSettings(ctx.config), { ...form.input, actorId: userId });
    } catch (error) {
      const field = (error instanceof DomainError && fieldOfError[error.code]) || retentionIds.customer;
      return ack({ response_action: 'errors', errors: { [field]: await describeFailure(ctx, locale, error) } });
    }
    await ack({ response_action: 'update', view: retentionConfirmation(locale, result) });
    // The approval request (if any) and the Home refresh were written with the case.
    ctx.outbox.kick();
  };
}

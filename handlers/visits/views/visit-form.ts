// The visit form submitted: new visit or new version of one. Field problems go back
// into the form (response_action: errors) and nothing is stored; on success the form
// turns into a confirmation.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import { DomainError } from '../../../src/errors.ts';
import { editVisit } from '../../../src/domain/visits/edit-visit.ts';
import { logVisit } from '../../../src/domain/visits/log-visit.ts';
import { FormRejected } from '../../../src/errors.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { describeFailure } from '../../../src/slack/edge/describe-failure.ts';
import { savedText } from '../../../src/slack/visits/visit-text.ts';
import { readSubmission } from '../../../src/slack/edge/edge-answers.ts';
import { fieldErrors, readVisitForm, visitFormBlocks, visitFormMetadata, visitOutcomeView } from '../../../src/slack/visits/visit-form.ts';

export function visitFormSubmission(ctx: BotContext) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs & AllMiddlewareArgs) => {
    const userId = body.user.id;
    const read = await readSubmission(ctx, { userId, view, metadata: visitFormMetadata });
    if (!read.ok) return ack(read.response);
    const { locale, metadata } = read;
    let saved;
    try {
      const common = { actorId: userId, fields: readVisitForm(read.values), timeZone: metadata.timeZone, policy: ctx.config.visits.policy };
      saved = metadata.visitId
        ? await editVisit(ctx, { ...common, visitId: BigInt(metadata.visitId), expectedVersion: metadata.version ?? 1 })
        : await logVisit(ctx, { ...common, source: 'modal', careCallbackId: metadata.careCallbackId ? BigInt(metadata.careCallbackId) : undefined });
    } catch (error) {
      if (error instanceof FormRejected) return ack({ response_action: 'errors', errors: fieldErrors(locale, error.issues) });
      if (error instanceof DomainError && error.code.startsWith('visit_customer_')) {
        return ack({ response_action: 'errors', errors: { [visitFormBlocks.customerCode]: await describeFailure(ctx, locale, error) } });
      }
      return ack({ response_action: 'update', view: visitOutcomeView(locale, 'not_saved', await describeFailure(ctx, locale, error)) });
    }
    await ack({ response_action: 'update', view: visitOutcomeView(locale, 'saved', savedText(locale, saved)) });
    // The Home refreshes were written with the visit; the outbox delivers them.
    ctx.outbox.kick();
  };
}

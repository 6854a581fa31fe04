// The visit form submitted: new visit or new version of one. Field problems go back
// into the form (response_action: errors) and nothing is stored; on success the form
// turns into a confirmation.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import { DomainError } from '../../src/errors.ts';
import { editVisit } from '../../src/domain/visits/edit-visit.ts';
import { logVisit } from '../../src/domain/visits/log-visit.ts';
import { InvalidVisitInput } from '../../src/domain/visits/visit-input.ts';
import type { BotContext } from '../../src/slack/bot-context.ts';
import { describeFailure } from '../../src/slack/describe-failure.ts';
import { savedText } from '../../src/slack/blocks/visits/visit-text.ts';
import { refreshHomesForCustomer } from '../../src/slack/home/publish-home.ts';
import { localeBeforeAck } from '../../src/slack/locale.ts';
import { fieldErrors, parseVisitFormMetadata, readVisitForm, visitFormBlocks, visitOutcomeView } from '../../src/slack/views/visit-form.ts';

export function visitFormSubmission(ctx: BotContext) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs & AllMiddlewareArgs) => {
    const userId = body.user.id;
    const locale = await localeBeforeAck(ctx, userId).catch(() => ctx.config.locale);
    try {
      const metadata = parseVisitFormMetadata(view.private_metadata);
      const fields = readVisitForm(view.state.values);
      const common = { actorId: userId, fields, timeZone: metadata.timeZone, policy: ctx.config.visits.policy };
      const saved = metadata.visitId
        ? await editVisit(ctx, { ...common, visitId: BigInt(metadata.visitId), expectedVersion: metadata.version ?? 1 })
        : await logVisit(ctx, { ...common, source: 'modal' });
      await ack({ response_action: 'update', view: visitOutcomeView(locale, 'saved', savedText(locale, saved)) });
      await refreshHomesForCustomer(ctx, userId, saved.customer.code);
    } catch (error) {
      if (error instanceof InvalidVisitInput) return ack({ response_action: 'errors', errors: fieldErrors(locale, error.issues) });
      if (error instanceof DomainError && error.code.startsWith('visit_customer_')) {
        return ack({ response_action: 'errors', errors: { [visitFormBlocks.customerCode]: await describeFailure(ctx, locale, error) } });
      }
      await ack({ response_action: 'update', view: visitOutcomeView(locale, 'not_saved', await describeFailure(ctx, locale, error)) });
    }
  };
}

// The activity plan form submitted: field problems go back into the form and nothing is
// stored; otherwise the plan goes to the supervisors and the form says by when they answer.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import { submitActivityPlan } from '../../../src/domain/plans/submit-activity-plan.ts';
import { FormRejected } from '../../../src/errors.ts';
import { t } from '../../../src/i18n/catalog.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { describeFailure } from '../../../src/slack/edge/describe-failure.ts';
import { readSubmission } from '../../../src/slack/edge/edge-answers.ts';
import { slackDate } from '../../../src/slack/kit/slack-date.ts';
import { planFieldErrors, planOutcomeView, readPlanForm } from '../../../src/slack/plans/plan-forms.ts';

export function planFormSubmission(ctx: BotContext) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs & AllMiddlewareArgs) => {
    const userId = body.user.id;
    const read = await readSubmission(ctx, { userId, view });
    if (!read.ok) return ack(read.response);
    const { locale } = read;
    let submitted;
    try {
      submitted = await submitActivityPlan(ctx, { actorId: userId, fields: readPlanForm(read.values) });
    } catch (error) {
      if (error instanceof FormRejected) return ack({ response_action: 'errors', errors: planFieldErrors(locale, error.issues) });
      return ack({ response_action: 'update', view: planOutcomeView(locale, 'not_saved', await describeFailure(ctx, locale, error)) });
    }
    const text = t(locale, 'plan.submitted.text', { theme: submitted.theme, id: String(submitted.planId), expires: slackDate(submitted.expiresAt, ctx.config.timezone) });
    await ack({ response_action: 'update', view: planOutcomeView(locale, 'submitted', text) });
    // The approval request's announcement was written with the plan; the outbox posts it.
    ctx.outbox.kick();
  };
}

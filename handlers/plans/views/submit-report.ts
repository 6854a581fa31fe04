// The activity report submitted: attendance and satisfaction stored once, or the form's
// problems shown next to their fields.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import { recordPlanReport } from '../../../src/domain/plans/record-plan-report.ts';
import { FormRejected } from '../../../src/errors.ts';
import { t } from '../../../src/i18n/catalog.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { describeFailure } from '../../../src/slack/edge/describe-failure.ts';
import { readSubmission } from '../../../src/slack/edge/edge-answers.ts';
import { carried } from '../../../src/slack/edge/slack-values.ts';
import { planFieldErrors, planOutcomeView, readPlanReportForm } from '../../../src/slack/plans/plan-forms.ts';

export function planReportSubmission(ctx: BotContext) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs & AllMiddlewareArgs) => {
    const userId = body.user.id;
    const read = await readSubmission(ctx, { userId, view, metadata: carried.planReportModal });
    if (!read.ok) return ack(read.response);
    const { locale, metadata } = read;
    try {
      const report = await recordPlanReport(ctx, { actorId: userId, planId: BigInt(metadata.planId), fields: readPlanReportForm(read.values) });
      await ack({ response_action: 'update', view: planOutcomeView(locale, 'reported', t(locale, 'plan.report.saved', { theme: report.theme, attendance: report.attendance, satisfaction: report.satisfaction })) });
    } catch (error) {
      if (error instanceof FormRejected) return ack({ response_action: 'errors', errors: planFieldErrors(locale, error.issues) });
      return ack({ response_action: 'update', view: planOutcomeView(locale, 'not_saved', await describeFailure(ctx, locale, error)) });
    }
  };
}

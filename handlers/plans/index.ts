// Club activity plans: /plan, its form, the report button and the report form.
import type { App } from '@slack/bolt';
import type { BotContext } from '../../src/slack/bot-context.ts';
import { commands, planIds } from '../../src/slack/ids.ts';
import { planOpenReportAction } from './actions/open-report.ts';
import { planCommand } from './plan-command.ts';
import { planFormSubmission } from './views/submit-plan.ts';
import { planReportSubmission } from './views/submit-report.ts';

export function registerPlanListeners(app: App, ctx: BotContext): void {
  app.command(commands.plan, planCommand(ctx));
  app.view(planIds.form, planFormSubmission(ctx));
  app.action(planIds.openReport, planOpenReportAction(ctx));
  app.view(planIds.reportForm, planReportSubmission(ctx));
}

// "Record report" on an activity plan's reminder: the report form, for the manager who
// submitted the plan (anyone else is told privately why not).
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { DomainError } from '../../../src/errors.ts';
import { requireOwnPlan } from '../../../src/domain/plans/record-plan-report.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { describeFailure } from '../../../src/slack/edge/describe-failure.ts';
import { readButtonValue } from '../../../src/slack/edge/edge-answers.ts';
import { carried } from '../../../src/slack/edge/slack-values.ts';
import { tellClicker } from '../../../src/slack/edge/tell-clicker.ts';
import { localeOf } from '../../../src/slack/locale.ts';
import { planReportView } from '../../../src/slack/plans/plan-forms.ts';

export function planOpenReportAction(ctx: BotContext) {
  return async ({ ack, body, action, client, respond }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs) => {
    await ack();
    const userId = body.user.id;
    const planId = await readButtonValue(ctx, carried.activityPlanId, action, { userId, respond, view: body.view });
    if (planId === null) return;
    try {
      const plan = await requireOwnPlan(ctx, { actorId: userId, planId });
      if (plan.status === 'reported') throw new DomainError('plan_already_reported');
      const locale = await localeOf(ctx, userId);
      await client.views.open({ trigger_id: body.trigger_id, view: planReportView(locale, plan) });
    } catch (error) {
      const locale = await localeOf(ctx, userId).catch(() => ctx.config.locale);
      await tellClicker(ctx, { userId, respond, view: body.view }, await describeFailure(ctx, locale, error));
    }
  };
}

// "Log callback" on a care callback task: the visit form, as a callback survey for that
// customer, carrying the callback so saving it closes the task (satisfaction required).
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { requireCareCallbackFor } from '../../../src/domain/care/find-care-callback.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { describeFailure } from '../../../src/slack/edge/describe-failure.ts';
import { readButtonValue } from '../../../src/slack/edge/edge-answers.ts';
import { carried } from '../../../src/slack/edge/slack-values.ts';
import { tellClicker } from '../../../src/slack/edge/tell-clicker.ts';
import { localeOf } from '../../../src/slack/locale.ts';
import { timeZoneOf } from '../../../src/slack/time-zone.ts';
import { openVisitForm } from '../../../src/slack/visits/open-visit-form.ts';

export function careLogCallbackAction(ctx: BotContext) {
  return async ({ ack, body, action, client, respond }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs) => {
    await ack();
    const userId = body.user.id;
    const callbackId = await readButtonValue(ctx, carried.careCallbackId, action, { userId, respond, view: body.view });
    if (callbackId === null) return;
    try {
      const callback = await requireCareCallbackFor(ctx, { callbackId, actorId: userId });
      const [locale, timeZone] = await Promise.all([localeOf(ctx, userId), timeZoneOf(ctx, userId)]);
      await openVisitForm(ctx, client, {
        triggerId: body.trigger_id,
        locale,
        prefill: { customer: callback.customer, kind: 'callback_survey', purposes: ['complaint_follow_up'], occurredAt: ctx.clock.now(), careCallback: true },
        metadata: { timeZone, careCallbackId: String(callback.id) },
      });
    } catch (error) {
      const locale = await localeOf(ctx, userId).catch(() => ctx.config.locale);
      await tellClicker(ctx, { userId, respond, view: body.view }, await describeFailure(ctx, locale, error));
    }
  };
}

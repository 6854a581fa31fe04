// "Log visit" on a digest line or a Home follow-up: the form with that customer already chosen.
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { requireStaff } from '../../../src/domain/directory/find-staff.ts';
import { requireServableCustomer } from '../../../src/domain/visits/find-customers.ts';
import { openCheckInOf } from '../../../src/domain/visits/visit-check-in.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { describeFailure } from '../../../src/slack/edge/describe-failure.ts';
import { readButtonValue } from '../../../src/slack/edge/edge-answers.ts';
import { tellClicker } from '../../../src/slack/edge/tell-clicker.ts';
import { localeOf } from '../../../src/slack/locale.ts';
import { carried } from '../../../src/slack/edge/slack-values.ts';
import { timeZoneOf } from '../../../src/slack/time-zone.ts';
import { openVisitForm } from '../../../src/slack/visits/open-visit-form.ts';

export function visitLogForAction(ctx: BotContext) {
  return async ({ ack, body, action, client, respond }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs) => {
    await ack();
    const userId = body.user.id;
    const customerCode = await readButtonValue(ctx, carried.customerCode, action, { userId, respond, view: body.view });
    if (customerCode === null) return;
    try {
      const staff = await requireStaff(ctx, userId);
      const customer = await requireServableCustomer(ctx, staff, customerCode);
      const [locale, timeZone, open] = await Promise.all([localeOf(ctx, userId), timeZoneOf(ctx, userId), openCheckInOf(ctx, userId)]);
      await openVisitForm(ctx, client, {
        triggerId: body.trigger_id,
        locale,
        // A visit under way elsewhere is shown as it is (End visit ends that one).
        prefill: { customer, occurredAt: ctx.clock.now(), checkIn: { customer, open: open?.customerCode === customer.code ? open : null } },
        metadata: { timeZone },
      });
    } catch (error) {
      // From a digest message or from the Home tab (which has no response_url).
      const locale = await localeOf(ctx, userId).catch(() => ctx.config.locale);
      await tellClicker(ctx, { userId, respond, view: body.view }, await describeFailure(ctx, locale, error));
    }
  };
}

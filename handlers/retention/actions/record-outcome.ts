// "Record outcome" in a follow-up reminder, and "Open retention case" after a dissatisfied
// care callback (with the trigger "service"): the /retain form, the customer filled in.
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { describeFailure } from '../../../src/slack/edge/describe-failure.ts';
import { readButtonValue } from '../../../src/slack/edge/edge-answers.ts';
import { localeOf } from '../../../src/slack/locale.ts';
import { carried } from '../../../src/slack/edge/slack-values.ts';
import type { RetentionTrigger } from '../../../src/generated/prisma/enums.ts';
import { openRetentionForm } from '../command/open-form.ts';

export function retentionRecordOutcomeAction(ctx: BotContext, preset: { trigger?: RetentionTrigger } = {}) {
  return async ({ ack, body, action, client, respond }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const userId = body.user.id;
    const customerCode = await readButtonValue(ctx, carried.customerCode, action, { userId, respond });
    if (customerCode === null) return;
    const locale = await localeOf(ctx, userId).catch(() => ctx.config.locale);
    await openRetentionForm(ctx, { client, triggerId: body.trigger_id, userId, locale, customerCode, trigger: preset.trigger }).catch(async (error: unknown) => {
      await respond({ response_type: 'ephemeral', replace_original: false, text: await describeFailure(ctx, locale, error) });
    });
  };
}

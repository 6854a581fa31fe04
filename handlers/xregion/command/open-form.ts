// `/xregion` with no words: the acceptance form, opened while the trigger is fresh.
import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { requireServingRegion } from '../../../src/domain/xregion/access.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { describeFailure } from '../../../src/slack/edge/describe-failure.ts';
import { localeOf } from '../../../src/slack/locale.ts';
import { acceptanceModal } from '../../../src/slack/xregion/acceptance-modal.ts';

export async function openAcceptanceForm(ctx: BotContext, input: { userId: string; triggerId: string; respond: RespondFn; client: WebClient }) {
  const locale = await localeOf(ctx, input.userId).catch(() => ctx.config.locale);
  try {
    const region = await requireServingRegion(ctx, input.userId);
    await input.client.views.open({ trigger_id: input.triggerId, view: acceptanceModal(locale, { servingRegionName: region.name }) });
  } catch (error) {
    await input.respond({ response_type: 'ephemeral', text: await describeFailure(ctx, locale, error) });
  }
}

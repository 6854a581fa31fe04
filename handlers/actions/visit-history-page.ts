// "Older" / "Newer" under `/visit history`: the page replaces the one shown.
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { visitHistory } from '../../src/domain/visits/visit-views.ts';
import { describeFailure } from '../../src/slack/describe-failure.ts';
import type { BotContext } from '../../src/slack/bot-context.ts';
import { visitHistoryMessage } from '../../src/slack/blocks/visits/visit-lists.ts';
import { localeOf } from '../../src/slack/locale.ts';
import { timeZoneOf } from '../../src/slack/time-zone.ts';

const pageValue = z.string().transform((raw) => JSON.parse(raw)).pipe(z.object({ customer: z.string().min(1), page: z.number().int().min(0) }));

export function visitHistoryPageAction(ctx: BotContext) {
  return async ({ ack, body, action, respond }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs) => {
    await ack();
    const userId = body.user.id;
    const locale = await localeOf(ctx, userId).catch(() => ctx.config.locale);
    try {
      const { customer, page } = pageValue.parse(action.value);
      const history = await visitHistory(ctx, { actorId: userId, customer, page, policy: ctx.config.visits.policy });
      const reply = visitHistoryMessage(locale, history, { userId, timeZone: await timeZoneOf(ctx, userId) });
      await respond({ replace_original: true, ...reply });
    } catch (error) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: await describeFailure(ctx, locale, error) });
    }
  };
}

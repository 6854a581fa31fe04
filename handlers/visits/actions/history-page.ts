// "Older" / "Newer" under `/visit history`: the page replaces the one shown.
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { visitHistory } from '../../../src/domain/visits/visit-views.ts';
import { describeFailure } from '../../../src/slack/edge/describe-failure.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { visitHistoryMessage } from '../../../src/slack/visits/visit-lists.ts';
import { readButtonValue } from '../../../src/slack/edge/edge-answers.ts';
import { localeOf } from '../../../src/slack/locale.ts';
import { carried } from '../../../src/slack/edge/slack-values.ts';
import { timeZoneOf } from '../../../src/slack/time-zone.ts';

export function visitHistoryPageAction(ctx: BotContext) {
  return async ({ ack, body, action, respond }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs) => {
    await ack();
    const userId = body.user.id;
    const target = await readButtonValue(ctx, carried.visitHistoryPage, action, { userId, respond });
    if (target === null) return;
    const locale = await localeOf(ctx, userId).catch(() => ctx.config.locale);
    try {
      const history = await visitHistory(ctx, { actorId: userId, customer: target.customer, page: target.page, policy: ctx.config.visits.policy });
      const reply = visitHistoryMessage(locale, history, { userId, timeZone: await timeZoneOf(ctx, userId) });
      await respond({ replace_original: true, ...reply });
    } catch (error) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: await describeFailure(ctx, locale, error) });
    }
  };
}

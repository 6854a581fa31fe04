// The Home tab opened: rebuilt from the database each time, first pages of every section.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { recordHomeOpened } from '../../../src/domain/home/home-tab-opens.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';

export function appHomeOpenedEvent(ctx: BotContext) {
  return async ({ event }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs) => {
    // The Messages tab sends the same event; only the Home tab has anything to draw.
    if (event.tab !== 'home') return;
    await recordHomeOpened(ctx, event.user);
    await ctx.homes.publish(event.user);
  };
}

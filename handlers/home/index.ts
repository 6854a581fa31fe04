// The App Home tab: opened, and paged through.
import type { App } from '@slack/bolt';
import type { BotContext } from '../../src/slack/bot-context.ts';
import { homeIds } from '../../src/slack/ids.ts';
import { appHomeOpenedEvent } from './events/app-home-opened.ts';
import { homePageAction } from './actions/page.ts';

export function registerHomeListeners(app: App, ctx: BotContext): void {
  app.event('app_home_opened', appHomeOpenedEvent(ctx));
  app.action(homeIds.nextPage, homePageAction(ctx));
  app.action(homeIds.previousPage, homePageAction(ctx));
}

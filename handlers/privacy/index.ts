// Personal data (PIPL): the "Reveal number" button beside every masked number.
import type { App } from '@slack/bolt';
import type { BotContext } from '../../src/slack/bot-context.ts';
import { privacyIds } from '../../src/slack/ids.ts';
import { privacyRevealAction } from './actions/reveal.ts';

export function registerPrivacyListeners(app: App, ctx: BotContext): void {
  app.action(privacyIds.reveal, privacyRevealAction(ctx));
}

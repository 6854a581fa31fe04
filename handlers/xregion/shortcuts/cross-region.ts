// The "Cross-region request" global shortcut: the acceptance form of `/xregion`. A global
// shortcut has no response_url, so a refusal is shown on the person's Home.
import type { AllMiddlewareArgs, GlobalShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { respondOnHomeToo } from '../../../src/slack/edge/tell-clicker.ts';
import { openAcceptanceForm } from '../command/open-form.ts';

export function crossRegionShortcut(ctx: BotContext) {
  return async ({ ack, shortcut, client }: SlackShortcutMiddlewareArgs<GlobalShortcut> & AllMiddlewareArgs) => {
    await ack();
    const userId = shortcut.user.id;
    await openAcceptanceForm(ctx, { userId, triggerId: shortcut.trigger_id, client, respond: respondOnHomeToo(ctx, { userId }) });
  };
}

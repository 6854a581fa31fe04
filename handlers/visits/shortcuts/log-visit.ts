// The "Log a visit" global shortcut (⚡ menu, also on phones): the same form as `/visit`.
// A global shortcut has no response_url, so a refusal is shown on the person's Home.
import type { AllMiddlewareArgs, GlobalShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { respondOnHomeToo } from '../../../src/slack/edge/tell-clicker.ts';
import { openVisitFormCommand } from '../command/open-form.ts';

export function logVisitShortcut(ctx: BotContext) {
  return async ({ ack, shortcut, client }: SlackShortcutMiddlewareArgs<GlobalShortcut> & AllMiddlewareArgs) => {
    await ack();
    const userId = shortcut.user.id;
    await openVisitFormCommand(ctx, { userId, triggerId: shortcut.trigger_id, client, respond: respondOnHomeToo(ctx, { userId }) });
  };
}

// The "Record retention" global shortcut: the `/retain` modal. A global shortcut has no
// response_url, so a refusal is shown on the person's Home.
import type { AllMiddlewareArgs, GlobalShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { describeFailure } from '../../../src/slack/edge/describe-failure.ts';
import { tellClicker } from '../../../src/slack/edge/tell-clicker.ts';
import { localeOf } from '../../../src/slack/locale.ts';
import { openRetentionForm } from '../command/open-form.ts';

export function recordRetentionShortcut(ctx: BotContext) {
  return async ({ ack, shortcut, client }: SlackShortcutMiddlewareArgs<GlobalShortcut> & AllMiddlewareArgs) => {
    await ack();
    const userId = shortcut.user.id;
    const locale = await localeOf(ctx, userId).catch(() => ctx.config.locale);
    await openRetentionForm(ctx, { client, triggerId: shortcut.trigger_id, userId, locale }).catch(async (error: unknown) => {
      await tellClicker(ctx, { userId }, await describeFailure(ctx, locale, error));
    });
  };
}

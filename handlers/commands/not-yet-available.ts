// Commands declared in manifest.yml whose features are still being built answer
// politely instead of timing out.
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { t } from '../../src/i18n/catalog.ts';
import { answerPrivately } from '../../src/slack/answer-privately.ts';
import type { BotContext } from '../../src/slack/bot-context.ts';

export function notYetAvailableCommand(ctx: BotContext) {
  return async ({ command, ack, respond }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    await answerPrivately(ctx, { userId: command.user_id, respond }, async (locale) => ({
      text: t(locale, 'common.not_yet_available', { command: command.command }),
    }));
  };
}

// /retain — record a retention case (a modal), or `/retain stats [YYYY-MM]`.
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { t } from '../../src/i18n/catalog.ts';
import { answerPrivately } from '../../src/slack/edge/answer-privately.ts';
import type { BotContext } from '../../src/slack/bot-context.ts';
import { describeFailure } from '../../src/slack/edge/describe-failure.ts';
import { readCommand } from '../../src/slack/edge/edge-answers.ts';
import { localeOf } from '../../src/slack/locale.ts';
import { openRetentionForm } from './command/open-form.ts';
import { retainStats } from './command/stats.ts';
import { runSubcommand, type Subcommand } from '../subcommand.ts';

const subcommands = {
  stats: retainStats,
  help: async (_ctx, { locale }) => ({ text: t(locale, 'retention.usage') }),
} satisfies Record<string, Subcommand>;

export function retainCommand(ctx: BotContext) {
  return async ({ command, ack, respond, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    const words = await readCommand(ctx, command, respond);
    if (!words) return;
    const userId = command.user_id;
    if (words.name === '') {
      // A modal is the answer; only a refusal needs a private reply.
      const locale = await localeOf(ctx, userId).catch(() => ctx.config.locale);
      await openRetentionForm(ctx, { client, triggerId: command.trigger_id, userId, locale }).catch(async (error: unknown) => {
        await respond({ response_type: 'ephemeral', text: await describeFailure(ctx, locale, error) });
      });
      return;
    }
    await answerPrivately(ctx, { userId, respond }, (locale) => runSubcommand(ctx, subcommands, { command: command.command, words, userId, locale }));
  };
}

// /retain — record a retention case (a modal), or `/retain stats [YYYY-MM]`.
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { t, type Locale } from '../../src/i18n/catalog.ts';
import { answerPrivately, type Reply } from '../../src/slack/edge/answer-privately.ts';
import { helpForUnknownWord } from '../../src/slack/kit/unknown-word.ts';
import type { BotContext } from '../../src/slack/bot-context.ts';
import { describeFailure } from '../../src/slack/edge/describe-failure.ts';
import { readCommand } from '../../src/slack/edge/edge-answers.ts';
import { localeOf } from '../../src/slack/locale.ts';
import { lookupWord } from '../../src/slack/edge/slack-values.ts';
import { openRetentionForm } from './command/open-form.ts';
import { retainStats } from './command/stats.ts';

type Input = { userId: string; args: string[]; locale: Locale };
const help = async ({ locale }: Input): Promise<Reply> => ({ text: t(locale, 'retention.usage') });

const subcommands: Record<string, (ctx: BotContext, input: Input) => Promise<Reply>> = {
  stats: retainStats,
  help: (_ctx, input) => help(input),
};

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
    await answerPrivately(ctx, { userId, respond }, async (locale) => {
      const input = { userId, args: words.rest, locale };
      const subcommand = lookupWord(subcommands, words.name);
      if (subcommand) return subcommand(ctx, input);
      return helpForUnknownWord(locale, { command: command.command, word: words.word, help: await help(input) });
    });
  };
}

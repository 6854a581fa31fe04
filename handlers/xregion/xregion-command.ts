// /xregion — the acceptance form for a roaming member; find; export for audit.
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { t, type Locale } from '../../src/i18n/catalog.ts';
import { answerPrivately, type Reply } from '../../src/slack/edge/answer-privately.ts';
import { helpForUnknownWord } from '../../src/slack/kit/unknown-word.ts';
import type { BotContext } from '../../src/slack/bot-context.ts';
import { readCommand } from '../../src/slack/edge/edge-answers.ts';
import { lookupWord } from '../../src/slack/edge/slack-values.ts';
import { xregionExport } from './command/export.ts';
import { xregionFind } from './command/find.ts';
import { openAcceptanceForm } from './command/open-form.ts';

type Input = { userId: string; args: string[]; locale: Locale; client: WebClient };
const help = async ({ locale }: Input): Promise<Reply> => ({ text: t(locale, 'xregion.usage') });

const subcommands: Record<string, (ctx: BotContext, input: Input) => Promise<Reply>> = {
  find: xregionFind,
  export: xregionExport,
  help: (_ctx, input) => help(input),
};

export function xregionCommand(ctx: BotContext) {
  return async ({ command, ack, respond, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    const words = await readCommand(ctx, command, respond);
    if (!words) return;
    const userId = command.user_id;
    if (words.name === '') return openAcceptanceForm(ctx, { userId, triggerId: command.trigger_id, respond, client });
    await answerPrivately(ctx, { userId, respond }, async (locale) => {
      const input = { userId, args: words.rest, locale, client };
      const subcommand = lookupWord(subcommands, words.name);
      if (subcommand) return subcommand(ctx, input);
      return helpForUnknownWord(locale, { command: command.command, word: words.word, help: await help(input) });
    });
  };
}

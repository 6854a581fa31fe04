// One subcommand of a slash command (`/am whoami`, `/ticket claim T-…`, `/visit list`):
// what the dispatcher read from the command, and the private answer it gives; and the
// dispatch every command shares — the named subcommand, or the command's help opened
// by a sentence naming a word it does not know.
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Locale } from '../src/i18n/catalog.ts';
import { answerPrivately } from '../src/slack/edge/answer-privately.ts';
import { describeFailure } from '../src/slack/edge/describe-failure.ts';
import { readCommand } from '../src/slack/edge/edge-answers.ts';
import { localeOf } from '../src/slack/locale.ts';
import type { Reply } from '../src/slack/edge/answer-privately.ts';
import type { BotContext } from '../src/slack/bot-context.ts';
import { lookupWord, type CommandWords } from '../src/slack/edge/slack-values.ts';
import { helpForUnknownWord } from '../src/slack/kit/unknown-word.ts';

/** `args`: the words after the subcommand; `text`: the whole command text as typed. */
export type SubcommandInput = { userId: string; args: string[]; text: string; locale: Locale };
export type Subcommand = (ctx: BotContext, input: SubcommandInput) => Promise<Reply>;

/** Runs the subcommand the first word names (`help` when there is none). */
export async function runSubcommand(
  ctx: BotContext,
  subcommands: Record<string, Subcommand> & { help: Subcommand },
  input: { command: string; words: CommandWords; userId: string; locale: Locale },
): Promise<Reply> {
  const { words, userId, locale } = input;
  const subcommand = lookupWord(subcommands, words.name || 'help');
  if (subcommand) return subcommand(ctx, { userId, args: words.rest, text: words.text, locale });
  const help = await subcommands.help(ctx, { userId, args: [], text: words.text, locale });
  return helpForUnknownWord(locale, { command: input.command, word: words.word, help });
}

/**
 * The listener of a command whose bare form opens a modal (`/retain`, `/plan`): the modal
 * is the answer and only its refusal is told privately; any words run a subcommand.
 */
export function formOrSubcommand(
  ctx: BotContext,
  subcommands: Record<string, Subcommand> & { help: Subcommand },
  openForm: (input: { client: WebClient; triggerId: string; userId: string; locale: Locale }) => Promise<unknown>,
) {
  return async ({ command, ack, respond, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    const words = await readCommand(ctx, command, respond);
    if (!words) return;
    const userId = command.user_id;
    if (words.name === '') {
      const locale = await localeOf(ctx, userId).catch(() => ctx.config.locale);
      await openForm({ client, triggerId: command.trigger_id, userId, locale }).catch(async (error: unknown) => {
        await respond({ response_type: 'ephemeral', text: await describeFailure(ctx, locale, error) });
      });
      return;
    }
    await answerPrivately(ctx, { userId, respond }, (locale) => runSubcommand(ctx, subcommands, { command: command.command, words, userId, locale }));
  };
}

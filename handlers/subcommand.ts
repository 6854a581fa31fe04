// One subcommand of a slash command (`/am whoami`, `/ticket claim T-…`, `/visit list`):
// what the dispatcher read from the command, and the private answer it gives; and the
// dispatch every command shares — the named subcommand, or the command's help opened
// by a sentence naming a word it does not know.
import type { Locale } from '../src/i18n/catalog.ts';
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

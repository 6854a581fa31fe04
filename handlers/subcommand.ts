// One subcommand of a slash command (`/am whoami`, `/ticket claim T-…`, `/visit list`):
// what the dispatcher read from the command, and the private answer it gives.
import type { Locale } from '../src/i18n/catalog.ts';
import type { Reply } from '../src/slack/edge/answer-privately.ts';
import type { BotContext } from '../src/slack/bot-context.ts';

/** `args`: the words after the subcommand; `text`: the whole command text as typed. */
export type SubcommandInput = { userId: string; args: string[]; text: string; locale: Locale };
export type Subcommand = (ctx: BotContext, input: SubcommandInput) => Promise<Reply>;

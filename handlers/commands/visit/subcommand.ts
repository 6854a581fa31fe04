import type { Locale } from '../../../src/i18n/catalog.ts';
import type { Reply } from '../../../src/slack/answer-privately.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';

/** `args`: the words after the subcommand; `text`: the whole command text as typed. */
export type VisitSubcommandInput = { userId: string; args: string[]; text: string; locale: Locale };
export type VisitSubcommand = (ctx: BotContext, input: VisitSubcommandInput) => Promise<Reply>;

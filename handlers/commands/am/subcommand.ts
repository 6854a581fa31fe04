import type { Locale } from '../../../src/i18n/catalog.ts';
import type { Reply } from '../../../src/slack/answer-privately.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';

export type SubcommandInput = { userId: string; args: string[]; locale: Locale };
export type Subcommand = (ctx: BotContext, input: SubcommandInput) => Promise<Reply>;

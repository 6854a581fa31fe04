// /retain — record a retention case (a modal), or `/retain stats [YYYY-MM]`.
import { t } from '../../src/i18n/catalog.ts';
import type { BotContext } from '../../src/slack/bot-context.ts';
import { openRetentionForm } from './command/open-form.ts';
import { retainStats } from './command/stats.ts';
import { formOrSubcommand, type Subcommand } from '../subcommand.ts';

const subcommands = {
  stats: retainStats,
  help: async (_ctx, { locale }) => ({ text: t(locale, 'retention.usage') }),
} satisfies Record<string, Subcommand>;

export function retainCommand(ctx: BotContext) {
  return formOrSubcommand(ctx, subcommands, (input) => openRetentionForm(ctx, input));
}

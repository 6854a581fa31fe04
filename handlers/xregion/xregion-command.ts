// /xregion — the acceptance form for a roaming member; find; export for audit.
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { t } from '../../src/i18n/catalog.ts';
import { answerPrivately } from '../../src/slack/edge/answer-privately.ts';
import type { BotContext } from '../../src/slack/bot-context.ts';
import { readCommand } from '../../src/slack/edge/edge-answers.ts';
import { xregionExport } from './command/export.ts';
import { xregionFind } from './command/find.ts';
import { openAcceptanceForm } from './command/open-form.ts';
import { runSubcommand, type Subcommand } from '../subcommand.ts';

const subcommands = {
  find: xregionFind,
  export: xregionExport,
  help: async (_ctx, { locale }) => ({ text: t(locale, 'xregion.usage') }),
} satisfies Record<string, Subcommand>;

export function xregionCommand(ctx: BotContext) {
  return async ({ command, ack, respond, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    const words = await readCommand(ctx, command, respond);
    if (!words) return;
    const userId = command.user_id;
    if (words.name === '') return openAcceptanceForm(ctx, { userId, triggerId: command.trigger_id, respond, client });
    await answerPrivately(ctx, { userId, respond }, (locale) => runSubcommand(ctx, subcommands, { command: command.command, words, userId, locale }));
  };
}

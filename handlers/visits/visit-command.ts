// /visit — the form (no text), the quick form (`/visit CUSTOMER KIND SUMMARY`),
// `list`, `history CUSTOMER` and `help`. Any other first word starts a quick log
// (it names the customer), whose usage is the answer when it does not parse.
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { t } from '../../src/i18n/catalog.ts';
import { answerPrivately } from '../../src/slack/edge/answer-privately.ts';
import type { BotContext } from '../../src/slack/bot-context.ts';
import { readCommand } from '../../src/slack/edge/edge-answers.ts';
import { lookupWord } from '../../src/slack/edge/slack-values.ts';
import { visitEndCommand, visitStartCommand } from './command/check-in.ts';
import { visitHistoryCommand } from './command/history.ts';
import { visitListCommand } from './command/list.ts';
import { openVisitFormCommand } from './command/open-form.ts';
import { quickLogVisit } from './command/quick-log.ts';
import type { Subcommand } from '../subcommand.ts';

const subcommands: Record<string, Subcommand> = {
  help: async (_ctx, { locale }) => ({ text: t(locale, 'visit.usage') }),
  list: visitListCommand,
  history: visitHistoryCommand,
  start: visitStartCommand,
  end: visitEndCommand,
};

export function visitCommand(ctx: BotContext) {
  return async ({ command, ack, respond, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    const words = await readCommand(ctx, command, respond);
    if (!words) return;
    const input = { userId: command.user_id, args: words.rest, text: words.text };
    if (words.name === '') {
      await openVisitFormCommand(ctx, { ...input, triggerId: command.trigger_id, client, respond });
      return;
    }
    const subcommand = lookupWord(subcommands, words.name) ?? quickLogVisit;
    await answerPrivately(ctx, { userId: command.user_id, respond }, (locale) => subcommand(ctx, { ...input, locale }));
  };
}

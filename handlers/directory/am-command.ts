// /am — help, whoami, the admin's directory commands and the monthly report.
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { answerPrivately } from '../../src/slack/edge/answer-privately.ts';
import { helpForUnknownWord } from '../../src/slack/kit/unknown-word.ts';
import type { BotContext } from '../../src/slack/bot-context.ts';
import { readCommand } from '../../src/slack/edge/edge-answers.ts';
import { lookupWord } from '../../src/slack/edge/slack-values.ts';
import { amHelp } from './command/help.ts';
import { amReport } from './command/report.ts';
import { amStaff } from './command/staff.ts';
import { amWhoami } from './command/whoami.ts';
import type { Subcommand } from '../subcommand.ts';

const subcommands: Record<string, Subcommand> = { help: amHelp, whoami: amWhoami, staff: amStaff, report: amReport };

export function amCommand(ctx: BotContext) {
  return async ({ command, ack, respond }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    const words = await readCommand(ctx, command, respond);
    if (!words) return;
    const userId = command.user_id;
    await answerPrivately(ctx, { userId, respond }, async (locale) => {
      const subcommand = lookupWord(subcommands, words.name || 'help');
      if (subcommand) return subcommand(ctx, { userId, args: words.rest, text: words.text, locale });
      return helpForUnknownWord(locale, { command: command.command, word: words.word, help: await amHelp(ctx, { userId, args: [], text: words.text, locale }) });
    });
  };
}

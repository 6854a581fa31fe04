// /am — help, whoami, the admin's directory commands and the monthly report.
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { answerPrivately } from '../../src/slack/answer-privately.ts';
import { helpForUnknownWord } from '../../src/slack/blocks/unknown-word.ts';
import type { BotContext } from '../../src/slack/bot-context.ts';
import { readCommand } from '../../src/slack/edge-answers.ts';
import { lookupWord } from '../../src/slack/slack-values.ts';
import { amHelp } from './am/help.ts';
import { amReport } from './am/report.ts';
import { amStaff } from './am/staff.ts';
import { amWhoami } from './am/whoami.ts';
import type { Subcommand } from './am/subcommand.ts';

const subcommands: Record<string, Subcommand> = { help: amHelp, whoami: amWhoami, staff: amStaff, report: amReport };

export function amCommand(ctx: BotContext) {
  return async ({ command, ack, respond }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    const words = await readCommand(ctx, command, respond);
    if (!words) return;
    const userId = command.user_id;
    await answerPrivately(ctx, { userId, respond }, async (locale) => {
      const subcommand = lookupWord(subcommands, words.name || 'help');
      if (subcommand) return subcommand(ctx, { userId, args: words.rest, locale });
      return helpForUnknownWord(locale, { command: command.command, word: words.word, help: await amHelp(ctx, { userId, args: [], locale }) });
    });
  };
}

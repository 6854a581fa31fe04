// /am — help, whoami, the admin's directory commands, the monthly report and the work calendar.
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { answerPrivately } from '../../src/slack/edge/answer-privately.ts';
import type { BotContext } from '../../src/slack/bot-context.ts';
import { readCommand } from '../../src/slack/edge/edge-answers.ts';
import { amAway } from './command/away.ts';
import { amHelp } from './command/help.ts';
import { amReport } from './command/report.ts';
import { amStaff } from './command/staff.ts';
import { amWhoami } from './command/whoami.ts';
import { amCalendar } from './command/calendar.ts';
import { runSubcommand, type Subcommand } from '../subcommand.ts';

const subcommands = { help: amHelp, whoami: amWhoami, staff: amStaff, report: amReport, calendar: amCalendar, away: amAway } satisfies Record<string, Subcommand>;

export function amCommand(ctx: BotContext) {
  // `/am help` that memory can answer never gets here: amHelpFromMemory answers it in the ack.
  return async ({ command, ack, respond }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    const words = await readCommand(ctx, command, respond);
    if (!words) return;
    const userId = command.user_id;
    await answerPrivately(ctx, { userId, respond }, (locale) => runSubcommand(ctx, subcommands, { command: command.command, words, userId, locale }));
  };
}

// /am — help, whoami, the admin's directory commands and the monthly report.
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { answerPrivately } from '../../src/slack/answer-privately.ts';
import type { BotContext } from '../../src/slack/bot-context.ts';
import { typedText } from '../../src/slack/blocks/mrkdwn.ts';
import { DomainError } from '../../src/errors.ts';
import { amHelp } from './am/help.ts';
import { amReport } from './am/report.ts';
import { amStaff } from './am/staff.ts';
import { amWhoami } from './am/whoami.ts';

const subcommands = { help: amHelp, whoami: amWhoami, staff: amStaff, report: amReport } as const;

export function amCommand(ctx: BotContext) {
  return async ({ command, ack, respond }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    const [first = 'help', ...rest] = typedText(command.text).trim().split(/\s+/).filter(Boolean);
    const name = first.toLowerCase();
    await answerPrivately(ctx, { userId: command.user_id, respond }, async (locale) => {
      if (!(name in subcommands)) throw new DomainError('unknown_subcommand', { command: command.command, sub: first });
      return subcommands[name as keyof typeof subcommands](ctx, { userId: command.user_id, args: rest, locale });
    });
  };
}

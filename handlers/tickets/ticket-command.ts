// /ticket — open, claim, follow and list fault tickets. `new` and `restore` answer
// with a modal (the trigger expires in 3 s, so they go first); the rest answer privately.
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { BotContext } from '../../src/slack/bot-context.ts';
import { readCommand } from '../../src/slack/edge/edge-answers.ts';
import { answerAboutTicket } from '../../src/slack/edge/answer-about-ticket.ts';
import { openTicketModal } from '../../src/slack/tickets/open-ticket-modal.ts';
import { runSubcommand, type Subcommand } from '../subcommand.ts';
import { ticketHelp } from './command/help.ts';
import { ticketList } from './command/list.ts';
import { ticketMajor } from './command/major.ts';
import { ticketNote, ticketSnooze } from './command/note.ts';
import { ticketPause, ticketResume } from './command/pause.ts';
import { ticketShow } from './command/show.ts';
import { ticketCancel, ticketClaim, ticketClose, ticketOnSite, ticketReassign, ticketRelease } from './command/steps.ts';

const subcommands = {
  help: ticketHelp,
  claim: ticketClaim,
  release: ticketRelease,
  onsite: ticketOnSite,
  close: ticketClose,
  cancel: ticketCancel,
  reassign: ticketReassign,
  major: ticketMajor,
  pause: ticketPause,
  resume: ticketResume,
  note: ticketNote,
  snooze: ticketSnooze,
  show: ticketShow,
  list: ticketList,
} satisfies Record<string, Subcommand>;

export function ticketCommand(ctx: BotContext) {
  return async ({ command, ack, respond, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    const words = await readCommand(ctx, command, respond);
    if (!words) return;
    const { name, rest } = words;
    const input = { userId: command.user_id, respond };
    if (name === 'new' || name === 'restore') {
      await openTicketModal(ctx, { ...input, client, triggerId: command.trigger_id, kind: name, ticketRef: rest[0] });
      return;
    }
    await answerAboutTicket(ctx, input, (locale) => runSubcommand(ctx, subcommands, { command: command.command, words, userId: command.user_id, locale }));
  };
}

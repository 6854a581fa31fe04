// /ticket — open, claim, follow and list fault tickets. `new` and `restore` answer
// with a modal (the trigger expires in 3 s, so they go first); the rest answer privately.
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { BotContext } from '../../src/slack/bot-context.ts';
import { typedText } from '../../src/slack/blocks/mrkdwn.ts';
import { DomainError } from '../../src/errors.ts';
import { answerAboutTicket } from '../../src/slack/tickets/answer-about-ticket.ts';
import type { Subcommand } from './am/subcommand.ts';
import { ticketHelp } from './ticket/help.ts';
import { ticketList } from './ticket/list.ts';
import { ticketMajor } from './ticket/major.ts';
import { openTicketModal } from '../../src/slack/tickets/open-ticket-modal.ts';
import { ticketPause, ticketResume } from './ticket/pause.ts';
import { ticketShow } from './ticket/show.ts';
import { ticketCancel, ticketClaim, ticketClose, ticketOnSite, ticketReassign, ticketRelease } from './ticket/steps.ts';

const subcommands: Record<string, Subcommand> = {
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
  show: ticketShow,
  list: ticketList,
};

export function ticketCommand(ctx: BotContext) {
  return async ({ command, ack, respond, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    const [first = 'help', ...rest] = typedText(command.text).trim().split(/\s+/).filter(Boolean);
    const name = first.toLowerCase();
    const input = { userId: command.user_id, respond };
    if (name === 'new' || name === 'restore') {
      await openTicketModal(ctx, { ...input, client, triggerId: command.trigger_id, kind: name, ticketRef: rest[0] });
      return;
    }
    await answerAboutTicket(ctx, input, async (locale) => {
      const subcommand = subcommands[name];
      if (!subcommand) throw new DomainError('unknown_subcommand', { command: command.command, sub: first });
      return subcommand(ctx, { userId: command.user_id, args: rest, locale });
    });
  };
}

// /ticket claim|release|onsite|close|cancel|reassign NUMBER …: each calls its domain
// step, puts the ticket message in place, and confirms privately.
import { cancelTicket } from '../../../src/domain/tickets/cancel-ticket.ts';
import { claimTicket } from '../../../src/domain/tickets/claim-ticket.ts';
import { closeTicket } from '../../../src/domain/tickets/close-ticket.ts';
import { markOnSite } from '../../../src/domain/tickets/mark-on-site.ts';
import { reassignTicket } from '../../../src/domain/tickets/reassign-ticket.ts';
import { releaseTicket } from '../../../src/domain/tickets/release-ticket.ts';
import type { TicketChange } from '../../../src/domain/tickets/take-ticket-step.ts';
import { commandReason } from '../../../src/domain/tickets/ticket-input.ts';
import { t } from '../../../src/i18n/catalog.ts';
import { claimedReply } from '../../../src/slack/tickets/ticket-replies.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { statusLabel } from '../../../src/slack/tickets/ticket-words.ts';
import type { Subcommand, SubcommandInput } from '../../subcommand.ts';

// Slack escapes mentions as <@U123|name> (should_escape: true in manifest.yml).
const mention = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/;

type Step = (ctx: BotContext, input: { ticket: string; actorId: string }) => Promise<TicketChange>;

function stepCommand(sub: string, take: Step): Subcommand {
  return async (ctx, { userId, args, locale }) => {
    if (!args[0]) return { text: t(locale, 'ticket.usage.number', { sub }) };
    const change = await take(ctx, { ticket: args[0], actorId: userId });
    ctx.outbox.kick();
    return { text: t(locale, 'ticket.done.step', { number: change.ticket.number, status: statusLabel(locale, change.ticket.status) }) };
  };
}

export const ticketClaim: Subcommand = async (ctx, { userId, args, locale }: SubcommandInput) => {
  if (!args[0]) return { text: t(locale, 'ticket.usage.number', { sub: 'claim' }) };
  const change = await claimTicket(ctx, { ticket: args[0], actorId: userId });
  ctx.outbox.kick();
  const { ticket } = change;
  return claimedReply(locale, ctx.config.timezone, ticket);
};

export const ticketRelease = stepCommand('release', releaseTicket);
export const ticketOnSite = stepCommand('onsite', markOnSite);
export const ticketClose = stepCommand('close', closeTicket);

export const ticketCancel: Subcommand = async (ctx, input) => {
  const { args, locale } = input;
  const [ref, ...reason] = args;
  if (!ref || reason.length === 0) return { text: t(locale, 'ticket.usage.cancel') };
  const checked = commandReason(reason.join(' '));
  return stepCommand('cancel', (c, input) => cancelTicket(c, { ...input, reason: checked }))(ctx, input);
};

export const ticketReassign: Subcommand = async (ctx, { userId, args, locale }) => {
  const [ref, who] = args;
  const target = who ? mention.exec(who) : null;
  if (!ref || !target) return { text: t(locale, 'ticket.usage.reassign') };
  const change = await reassignTicket(ctx, { ticket: ref, actorId: userId, toId: target[1]! });
  ctx.outbox.kick();
  return { text: t(locale, 'ticket.done.reassigned', { number: change.ticket.number, user: change.ticket.claimerId ?? target[1]! }) };
};

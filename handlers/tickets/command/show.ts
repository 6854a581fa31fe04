import { describeTicket } from '../../../src/domain/tickets/describe-ticket.ts';
import { t } from '../../../src/i18n/catalog.ts';
import { ticketShowReply } from '../../../src/slack/tickets/ticket-replies.ts';
import type { Subcommand } from '../../subcommand.ts';

export const ticketShow: Subcommand = async (ctx, { userId, args, locale }) => {
  if (!args[0]) return { text: t(locale, 'ticket.usage.number', { sub: 'show' }) };
  const described = await describeTicket(ctx, { actorId: userId, ticket: args[0] });
  return ticketShowReply(locale, ctx.config.timezone, ctx.clock.now(), described);
};

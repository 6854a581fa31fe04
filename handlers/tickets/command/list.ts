// /ticket list [mine|region|breached|CUSTOMER] [PAGE] — parsed with zod.
import { z } from 'zod';
import { listTickets, type TicketListFilter } from '../../../src/domain/tickets/list-tickets.ts';
import { t } from '../../../src/i18n/catalog.ts';
import { ticketListReply } from '../../../src/slack/tickets/ticket-replies.ts';
import type { Subcommand } from '../../subcommand.ts';

const named = z.enum(['mine', 'region', 'breached']);
const customerCode = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);
const page = z.coerce.number().int().min(1).max(10_000);

export const ticketList: Subcommand = async (ctx, { userId, args, locale }) => {
  const [which = 'mine', pageText = '1'] = args;
  const kind = named.safeParse(which.toLowerCase());
  const code = customerCode.safeParse(which);
  const parsedPage = page.safeParse(pageText);
  if ((!kind.success && !code.success) || !parsedPage.success || args.length > 2) return { text: t(locale, 'ticket.usage.list') };
  const filter: TicketListFilter = kind.success ? { kind: kind.data } : { kind: 'customer', code: code.data!.toUpperCase() };
  const result = await listTickets(ctx, { actorId: userId, filter, page: parsedPage.data });
  return ticketListReply(locale, ctx.config.timezone, filter, result);
};

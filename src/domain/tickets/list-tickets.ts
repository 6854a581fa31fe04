// `/ticket list`: mine (claimed by me, or of my customers), my region, breached, or one
// customer's tickets — a page at a time.
import type { Prisma } from '../../db/client.ts';
import { DomainError } from '../../errors.ts';
import type { Deps } from '../deps.ts';
import { requireStaff } from '../directory/find-staff.ts';
import { ticketInclude, type TicketRecord } from './find-ticket.ts';
import { activeStatuses } from './ticket-rules.ts';

export type TicketListFilter = { kind: 'mine' } | { kind: 'region' } | { kind: 'breached' } | { kind: 'customer'; code: string };
export type TicketPage = { items: TicketRecord[]; total: number; page: number; pages: number };

export const ticketPageSize = 10;

export async function listTickets(deps: Deps, input: { actorId: string; filter: TicketListFilter; page: number }): Promise<TicketPage> {
  const actor = await requireStaff(deps, input.actorId);
  const active = { status: { in: [...activeStatuses] } };
  // Admins see every region; everyone else their own.
  const region = actor.role === 'admin' || !actor.regionCode ? {} : { regionCode: actor.regionCode };
  let where: Prisma.TicketWhereInput;
  let orderBy: Prisma.TicketOrderByWithRelationInput = { restoreDeadline: 'asc' };
  switch (input.filter.kind) {
    case 'mine':
      where = { ...active, OR: [{ claimerId: actor.slackUserId }, { customer: { accountManagerId: actor.slackUserId } }] };
      break;
    case 'region':
      where = { ...active, ...region };
      break;
    case 'breached':
      where = { ...active, ...region, restoreDeadline: { lt: deps.clock.now() } };
      break;
    case 'customer': {
      const code = input.filter.code.toUpperCase();
      if (!(await deps.db.customer.findUnique({ where: { code }, select: { code: true } }))) throw new DomainError('ticket_unknown_customer', { code });
      where = { customerCode: code };
      orderBy = { openedAt: 'desc' };
      break;
    }
  }
  const total = await deps.db.ticket.count({ where });
  const pages = Math.max(1, Math.ceil(total / ticketPageSize));
  const page = Math.min(Math.max(1, input.page), pages);
  const items = await deps.db.ticket.findMany({ where, orderBy: [orderBy, { number: 'asc' }], include: ticketInclude, skip: (page - 1) * ticketPageSize, take: ticketPageSize });
  return { items, total, page, pages };
}

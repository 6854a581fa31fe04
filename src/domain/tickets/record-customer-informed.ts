// "Customer informed" on the live-tracking DM: the account manager told the customer
// where the ticket stands. Audited, and the reminder starts counting again from now,
// in the same transaction; the DM, the ticket message and the Homes follow (outbox).
import { inTransaction } from '../../db/transaction.ts';
import { DomainError } from '../../errors.ts';
import { recordAudit } from '../audit.ts';
import { announce } from '../outbox/announce.ts';
import { requireTicket } from './find-ticket.ts';
import { customerInformedAction, isLiveTracked, scheduleInformReminder } from './live-tracking.ts';
import { ticketSubject } from './ticket-announcements.ts';
import type { TicketDeps } from './ticket-deps.ts';

export const liveAnnouncementKind = 'ticket.live';

export function announceLiveTracking(deps: Pick<TicketDeps, 'db' | 'clock'>, ticketId: string): Promise<void> {
  return announce(deps, { kind: liveAnnouncementKind, subject: ticketSubject(ticketId), payload: { ticketId } });
}

export async function recordCustomerInformed(deps: TicketDeps, input: { ticketId: string; actorId: string }) {
  const ticket = await requireTicket(deps.db, input.ticketId);
  if (!isLiveTracked(ticket, deps.config.tickets)) throw new DomainError('ticket_live_not_tracked', { number: ticket.number });
  if (ticket.customer.accountManagerId !== input.actorId) throw new DomainError('ticket_live_not_manager');
  const at = deps.clock.now();
  await inTransaction(deps.db, async (tx) => {
    const txDeps = { db: tx, clock: deps.clock };
    await tx.ticket.update({ where: { id: ticket.id }, data: { customerInformedAt: at } });
    await recordAudit(txDeps, { actorId: input.actorId, action: customerInformedAction, subject: ticketSubject(ticket.id), detail: { number: ticket.number, silentSince: (ticket.customerInformedAt ?? ticket.openedAt).toISOString() } });
    await scheduleInformReminder(tx, ticket.id, at, deps.config.tickets);
    await announceLiveTracking(txDeps, ticket.id);
  });
  return { number: ticket.number, at, informMinutes: deps.config.tickets.liveTracking.informMinutes };
}

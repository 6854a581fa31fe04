// `/ticket show`: the ticket, the other customers of a major fault, and its history
// (the audit trail: who, when, from which state).
import type { Deps } from '../deps.ts';
import { requireStaff } from '../directory/find-staff.ts';
import { requireTicket } from './find-ticket.ts';

const historyShown = 20;

export async function describeTicket(deps: Deps, input: { actorId: string; ticket: string }) {
  await requireStaff(deps, input.actorId);
  const ticket = await requireTicket(deps.db, input.ticket);
  const [affected, history] = await Promise.all([
    deps.db.ticketAffectedCustomer.findMany({ where: { ticketId: ticket.id }, orderBy: { customerCode: 'asc' } }),
    deps.db.auditEntry.findMany({ where: { subject: `ticket:${ticket.id}` }, orderBy: [{ at: 'asc' }, { id: 'asc' }], take: historyShown }),
  ]);
  return {
    ticket,
    affectedCodes: affected.map((row) => row.customerCode),
    history: history.map((entry) => {
      const detail = (entry.detail ?? {}) as { from?: string | null; to?: string; assignee?: string; text?: string };
      return { at: entry.at, actorId: entry.actorId, action: entry.action, from: detail.from ?? null, to: detail.to ?? null, assignee: detail.assignee ?? null, note: entry.action === 'ticket.note' ? (detail.text ?? null) : null };
    }),
  };
}

export type TicketDescription = Awaited<ReturnType<typeof describeTicket>>;

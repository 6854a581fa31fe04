// Loading a ticket with what every rule and message needs of its customer.
import type { Db } from '../../db/client.ts';
import { DomainError } from '../../errors.ts';

export const ticketInclude = {
  customer: { select: { code: true, name: true, kind: true, cardTier: true, serviceLevel: true, accountManagerId: true, regionCode: true } },
} as const;

async function loadById(db: Db, id: string) {
  return db.ticket.findUnique({ where: { id }, include: ticketInclude });
}

export type TicketRecord = NonNullable<Awaited<ReturnType<typeof loadById>>>;

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const numberPattern = /^T-\d{8}-\d{3,}$/;

/** "t-20261123-001" → "T-20261123-001"; null when it cannot be a ticket number. */
export function normaliseTicketNumber(raw: string): string | null {
  const value = raw.trim().toUpperCase();
  return numberPattern.test(value) ? value : null;
}

export async function findTicketById(db: Db, id: string): Promise<TicketRecord | null> {
  return uuid.test(id) ? loadById(db, id) : null;
}

/** A ticket by its number (as people type it) or by its id (as buttons carry it). */
export async function requireTicket(db: Db, ref: string): Promise<TicketRecord> {
  const byId = await findTicketById(db, ref);
  if (byId) return byId;
  const number = normaliseTicketNumber(ref);
  const ticket = number ? await db.ticket.findUnique({ where: { number }, include: ticketInclude }) : null;
  if (ticket) return ticket;
  // Echo what people type (a ticket number, as it is normally written), never an internal
  // id: a button or form that carried one names a ticket that is not there.
  if (number) throw new DomainError('ticket_not_found', { number });
  if (uuid.test(ref.trim())) throw new DomainError('ticket_unknown');
  throw new DomainError('ticket_not_found', { number: ref.trim() || '—' });
}

// A ticket's work log: the claimer, a supervisor of its region (or an admin) and the
// customer's account manager add notes. A note is an audit entry of the ticket (so
// `/ticket show` lists it in the history, with who and when) and a line in its thread,
// both written in one transaction.
import { z } from 'zod';
import { inTransaction } from '../../db/transaction.ts';
import { DomainError } from '../../errors.ts';
import { recordAudit } from '../audit.ts';
import { requireStaff } from '../directory/find-staff.ts';
import { plainText } from '../plain-text.ts';
import { requireTicket, type TicketRecord } from './find-ticket.ts';
import { announceTicketNote } from './ticket-announcements.ts';
import type { TicketDeps } from './ticket-deps.ts';
import type { Actor } from './ticket-rules.ts';

/** The note input's limit (the modal's max_length). */
export const noteMaxLength = 2000;
const noteText = z.string().check(plainText).trim().min(1).max(noteMaxLength);

/** Who may write in a ticket's work log. */
export function mayAddNote(actor: Actor, ticket: Pick<TicketRecord, 'regionCode' | 'claimerId'> & { customer: { accountManagerId: string | null } }): boolean {
  if (actor.role === 'admin') return true;
  if (actor.role === 'supervisor' && actor.regionCode === ticket.regionCode) return true;
  return actor.slackUserId === ticket.claimerId || actor.slackUserId === ticket.customer.accountManagerId;
}

/** The ticket, if the actor may add a note to it (checked before the modal opens, too). */
export async function checkMayAddNote(deps: Pick<TicketDeps, 'db'>, input: { ticket: string; actorId: string }): Promise<TicketRecord> {
  const ticket = await requireTicket(deps.db, input.ticket);
  const actor = await requireStaff(deps, input.actorId);
  if (!mayAddNote(actor, ticket)) throw new DomainError('ticket_note_not_allowed', { number: ticket.number });
  return ticket;
}

export async function addTicketNote(deps: TicketDeps, input: { ticket: string; actorId: string; text: string }) {
  const parsed = noteText.safeParse(input.text);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    if (issue.code === 'too_small') throw new DomainError('ticket_note_required');
    if (issue.code === 'too_big') throw new DomainError('text_too_long', { length: [...input.text.trim()].length, max: noteMaxLength });
    throw new DomainError('control_characters');
  }
  const ticket = await checkMayAddNote(deps, input);
  const at = deps.clock.now();
  await inTransaction(deps.db, async (tx) => {
    const write = { db: tx, clock: deps.clock };
    await recordAudit(write, { actorId: input.actorId, action: 'ticket.note', subject: `ticket:${ticket.id}`, detail: { number: ticket.number, from: ticket.status, to: ticket.status, text: parsed.data } });
    await announceTicketNote(write, { ticketId: ticket.id, actorId: input.actorId, text: parsed.data, at: at.toISOString() });
  });
  return { ticket, text: parsed.data, at };
}

// The claimer's snooze: their countdown pings of one ticket are muted for 30 minutes or
// an hour. The clock keeps running; what falls due at or after the deadline (the breach,
// the overdue repeats, the supervisors' escalation) is never muted, and a mute belongs to
// the claimer who set it (released or reassigned, it no longer counts).
import { inTransaction } from '../../db/transaction.ts';
import { DomainError } from '../../errors.ts';
import { recordAudit } from '../audit.ts';
import { requireStaff } from '../directory/find-staff.ts';
import { findTicketById, requireTicket, type TicketRecord } from './find-ticket.ts';
import type { SlaStep } from './sla-pings.ts';
import { announceTicketMessage } from './ticket-announcements.ts';
import type { TicketDeps } from './ticket-deps.ts';

export const snoozeMinutes = [30, 60] as const;
export type SnoozeMinutes = (typeof snoozeMinutes)[number];

type MuteFields = Pick<TicketRecord, 'pingsMutedUntil' | 'pingsMutedById' | 'claimerId' | 'status'>;

/** Until when the ticket's countdown pings are muted, or null (expired, or set by someone who no longer holds it). */
export function pingsMutedUntil(ticket: MuteFields, now: Date): Date | null {
  const until = ticket.pingsMutedUntil;
  if (!until || now.getTime() >= until.getTime()) return null;
  if (ticket.status !== 'claimed' && ticket.status !== 'on_site') return null;
  return ticket.pingsMutedById !== null && ticket.pingsMutedById === ticket.claimerId ? until : null;
}

/** Whether the due steps may stay silent: muted now, and none of them is the breach or after it. */
export function isPingMuted(ticket: MuteFields, due: readonly SlaStep[], now: Date): boolean {
  return pingsMutedUntil(ticket, now) !== null && due.every((step) => step.kind === 'half' || step.kind === 'left');
}

export async function snoozeTicketPings(deps: TicketDeps, input: { ticket: string; actorId: string; minutes: SnoozeMinutes }) {
  const ticket = await requireTicket(deps.db, input.ticket);
  await requireStaff(deps, input.actorId);
  const held = ticket.claimerId === input.actorId && (ticket.status === 'claimed' || ticket.status === 'on_site');
  if (!held) throw new DomainError('ticket_snooze_not_claimer', { number: ticket.number });
  const now = deps.clock.now();
  const until = new Date(now.getTime() + input.minutes * 60_000);
  await inTransaction(deps.db, async (tx) => {
    // Only while they still hold it in the state that was checked.
    const changed = await tx.ticket.updateMany({ where: { id: ticket.id, claimerId: input.actorId, status: ticket.status }, data: { pingsMutedUntil: until, pingsMutedById: input.actorId } });
    if (changed.count !== 1) throw new DomainError('ticket_snooze_not_claimer', { number: ticket.number });
    const write = { db: tx, clock: deps.clock };
    await recordAudit(write, { actorId: input.actorId, action: 'ticket.snoozed', subject: `ticket:${ticket.id}`, detail: { number: ticket.number, from: ticket.status, to: ticket.status, until: until.toISOString() } });
    // The ticket message shows the mute.
    await announceTicketMessage(write, ticket.id);
  });
  return { ticket: (await findTicketById(deps.db, ticket.id))!, until };
}

// Ending an SLA clock pause, in one place (resume, restore and cancel all end it): the
// paused time is added to pausedMillis, the restore deadline moves by exactly that, and
// the ping cursor moves with it, so a ping delivered before the pause (which now falls
// that much later) is not delivered a second time.
import type { Clock } from '../../clock.ts';
import type { Prisma } from '../../db/client.ts';
import { recordAudit } from '../audit.ts';
import { restoreDeadline } from './sla-policy.ts';

export type PausableClock = {
  id: string;
  number: string;
  openedAt: Date;
  windowMinutes: number;
  pausedMillis: bigint;
  pausedSince: Date | null;
  slaPingedThrough: Date | null;
};

export type PauseEnd = { pausedFor: number; pausedMillis: bigint; restoreDeadline: Date; slaPingedThrough: Date | null };

/** What the ticket becomes when its pause ends at `now`; null when the clock is running. */
export function pauseEnd(ticket: PausableClock, now: Date): PauseEnd | null {
  if (!ticket.pausedSince) return null;
  const pausedFor = Math.max(0, now.getTime() - ticket.pausedSince.getTime());
  const pausedMillis = ticket.pausedMillis + BigInt(pausedFor);
  return {
    pausedFor,
    pausedMillis,
    restoreDeadline: restoreDeadline({ openedAt: ticket.openedAt, windowMinutes: ticket.windowMinutes, pausedMillis: Number(pausedMillis) }),
    slaPingedThrough: ticket.slaPingedThrough ? new Date(ticket.slaPingedThrough.getTime() + pausedFor) : null,
  };
}

/** Columns for a step that ends the ticket's life (restore, cancel): any pause ends, any pending request is let go. */
export function endPauseColumns(ticket: PausableClock, now: Date): Prisma.TicketUpdateManyMutationInput {
  const end = pauseEnd(ticket, now);
  if (!end) return { pauseRequestId: null };
  return { pausedSince: null, pauseRequestId: null, pausedMillis: end.pausedMillis, restoreDeadline: end.restoreDeadline, slaPingedThrough: end.slaPingedThrough };
}

/** The audit line of a pause that ended (nothing when the clock was running). */
export async function recordPauseEnded(tx: Prisma.TransactionClient, clock: Clock, actorId: string, ticket: PausableClock, why: 'resumed' | 'restored' | 'cancelled') {
  const end = pauseEnd(ticket, clock.now());
  if (!end) return;
  await recordAudit({ db: tx, clock: clock }, {
    actorId,
    action: 'ticket.sla_resumed',
    subject: `ticket:${ticket.id}`,
    detail: { number: ticket.number, why, pausedSince: ticket.pausedSince!.toISOString(), pausedFor: end.pausedFor, pausedMillis: Number(end.pausedMillis), restoreDeadline: end.restoreDeadline.toISOString() },
  });
}

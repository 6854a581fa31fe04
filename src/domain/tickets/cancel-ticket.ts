// A ticket opened by mistake or made moot (e.g. a duplicate of a major fault).
import { endPauseColumns, recordPauseEnded } from './sla-pause.ts';
import { takeTicketStep, type TicketChange } from './take-ticket-step.ts';
import type { TicketDeps } from './ticket-deps.ts';
import { cancelTicketTimers, ticketTimerKinds } from './ticket-timers.ts';

export function cancelTicket(deps: TicketDeps, input: { ticket: string; actorId: string; reason: string }): Promise<TicketChange> {
  return takeTicketStep(deps, input, {
    step: 'cancel',
    event: 'cancelled',
    detail: { reason: input.reason },
    change: (ticket, now) => ({ status: 'cancelled', cancelledAt: now, cancelReason: input.reason, claimCheckAskedAt: null, ...endPauseColumns(ticket, now) }),
    alongside: async (tx, ticket, now) => {
      await cancelTicketTimers(tx, ticket.id, Object.values(ticketTimerKinds));
      await recordPauseEnded(tx, { now: () => now }, input.actorId, ticket, 'cancelled');
    },
  });
}

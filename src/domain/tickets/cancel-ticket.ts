// A ticket opened by mistake or made moot (e.g. a duplicate of a major fault).
import { takeTicketStep, type TicketChange } from './take-ticket-step.ts';
import type { TicketDeps } from './ticket-deps.ts';
import { cancelTicketTimers, ticketTimerKinds } from './ticket-timers.ts';

export function cancelTicket(deps: TicketDeps, input: { ticket: string; actorId: string; reason: string }): Promise<TicketChange> {
  return takeTicketStep(deps, input, {
    step: 'cancel',
    event: 'cancelled',
    detail: { reason: input.reason },
    change: (_ticket, now) => ({ status: 'cancelled', cancelledAt: now, cancelReason: input.reason, claimCheckAskedAt: null }),
    alongside: (tx, ticket) => cancelTicketTimers(tx, ticket.id, Object.values(ticketTimerKinds)),
  });
}

// Claiming: exactly one wins (see take-ticket-step.ts); the "still unclaimed" re-ping
// stops and the "still on it?" check starts counting.
import { takeTicketStep, type TicketChange } from './take-ticket-step.ts';
import type { TicketDeps } from './ticket-deps.ts';
import { cancelTicketTimers, minutesAfter, scheduleTicketTimer, ticketTimerKinds } from './ticket-timers.ts';

export function claimTicket(deps: TicketDeps, input: { ticket: string; actorId: string }): Promise<TicketChange> {
  return takeTicketStep(deps, input, {
    step: 'claim',
    event: 'claimed',
    change: (_ticket, now) => ({ status: 'claimed', claimerId: input.actorId, claimedAt: now, claimCheckAskedAt: null, unclaimedSince: null }),
    alongside: async (tx, ticket, now) => {
      await cancelTicketTimers(tx, ticket.id, [ticketTimerKinds.unclaimed]);
      await scheduleTicketTimer(tx, ticketTimerKinds.claimCheck, ticket.id, minutesAfter(now, deps.config.tickets.staleClaimMinutes));
    },
  });
}

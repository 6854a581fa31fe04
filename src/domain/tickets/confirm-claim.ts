// The claimer answers "still on it?" with yes: the check starts counting again.
import { takeTicketStep, type TicketChange } from './take-ticket-step.ts';
import type { TicketDeps } from './ticket-deps.ts';
import { minutesAfter, scheduleTicketTimer, ticketTimerKinds } from './ticket-timers.ts';

export function confirmClaim(deps: TicketDeps, input: { ticket: string; actorId: string }): Promise<TicketChange> {
  return takeTicketStep(deps, input, {
    step: 'confirm_claim',
    event: 'claim_confirmed',
    change: () => ({ claimCheckAskedAt: null }),
    alongside: (tx, ticket, now) => scheduleTicketTimer(tx, ticketTimerKinds.claimCheck, ticket.id, minutesAfter(now, deps.config.tickets.staleClaimMinutes)),
  });
}

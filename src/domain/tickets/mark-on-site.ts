// The engineer has arrived: the "still on it?" check is no longer needed.
import { takeTicketStep, type TicketChange } from './take-ticket-step.ts';
import type { TicketDeps } from './ticket-deps.ts';
import { cancelTicketTimers, ticketTimerKinds } from './ticket-timers.ts';

export function markOnSite(deps: TicketDeps, input: { ticket: string; actorId: string }): Promise<TicketChange> {
  return takeTicketStep(deps, input, {
    step: 'on_site',
    event: 'on_site',
    change: (_ticket, now) => ({ status: 'on_site', onSiteAt: now, claimCheckAskedAt: null }),
    alongside: (tx, ticket) => cancelTicketTimers(tx, ticket.id, [ticketTimerKinds.claimCheck]),
  });
}

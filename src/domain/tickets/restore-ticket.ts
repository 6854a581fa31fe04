// Service is back: the cause and what was done are recorded, and the SLA clock stops
// (every timer of the ticket is cleared). A diamond, AAA or AA customer is owed a care
// callback from their account manager (src/domain/care/open-care-callback.ts).
import { endPauseColumns, recordPauseEnded } from './sla-pause.ts';
import { takeTicketStep, type TicketChange } from './take-ticket-step.ts';
import type { RestoreDeps } from './ticket-deps.ts';
import { openCareCallback } from '../care/open-care-callback.ts';
import { cancelTicketTimers, ticketTimerKinds } from './ticket-timers.ts';

export type RestoreTicketInput = { ticket: string; actorId: string; cause: string; action: string };

export function restoreTicket(deps: RestoreDeps, input: RestoreTicketInput): Promise<TicketChange> {
  return takeTicketStep(deps, input, {
    step: 'restore',
    event: 'restored',
    detail: { cause: input.cause, action: input.action },
    change: (ticket, now) => ({ status: 'restored', restoredAt: now, restoreCause: input.cause, restoreAction: input.action, claimCheckAskedAt: null, ...endPauseColumns(ticket, now) }),
    alongside: async (tx, ticket, now) => {
      await cancelTicketTimers(tx, ticket.id, Object.values(ticketTimerKinds));
      await recordPauseEnded(tx, { now: () => now }, input.actorId, ticket, 'restored');
      await openCareCallback(tx, { ticket, now, config: deps.config });
    },
  });
}

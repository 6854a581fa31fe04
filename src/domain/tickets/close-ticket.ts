// The customer confirmed service is back: the ticket is done.
import { takeTicketStep, type TicketChange } from './take-ticket-step.ts';
import type { TicketDeps } from './ticket-deps.ts';

export function closeTicket(deps: TicketDeps, input: { ticket: string; actorId: string }): Promise<TicketChange> {
  return takeTicketStep(deps, input, {
    step: 'close',
    event: 'closed',
    change: (_ticket, now) => ({ status: 'closed', closedAt: now }),
  });
}

// A supervisor hands a ticket to someone else of its region (it need not be claimed).
import { DomainError } from '../../errors.ts';
import { findStaff } from '../directory/find-staff.ts';
import { takeTicketStep, type TicketChange } from './take-ticket-step.ts';
import type { TicketDeps } from './ticket-deps.ts';
import { mayHoldTicket } from './ticket-rules.ts';
import { cancelTicketTimers, minutesAfter, scheduleTicketTimer, ticketTimerKinds } from './ticket-timers.ts';

export function reassignTicket(deps: TicketDeps, input: { ticket: string; actorId: string; toId: string }): Promise<TicketChange> {
  return takeTicketStep(deps, input, {
    step: 'reassign',
    event: 'reassigned',
    detail: { assignee: input.toId },
    check: async (_actor, ticket) => {
      const target = await findStaff(deps, input.toId);
      if (!target || !target.active || !mayHoldTicket(target, ticket)) throw new DomainError('ticket_cannot_hold', { number: ticket.number, user: input.toId });
      if (target.slackUserId === ticket.claimerId) throw new DomainError('ticket_already_theirs', { number: ticket.number, user: input.toId });
    },
    change: (_ticket, now) => ({ status: 'claimed', claimerId: input.toId, claimedAt: now, claimCheckAskedAt: null, onSiteAt: null, unclaimedSince: null }),
    alongside: async (tx, ticket, now) => {
      await cancelTicketTimers(tx, ticket.id, [ticketTimerKinds.unclaimed]);
      await scheduleTicketTimer(tx, ticketTimerKinds.claimCheck, ticket.id, minutesAfter(now, deps.config.tickets.staleClaimMinutes));
    },
  });
}

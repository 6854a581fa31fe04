// Giving a ticket back to the channel: by its claimer or a supervisor, or by the bot
// when a claimer did not answer "still on it?" (actor "system", event auto_released).
import { takeTicketStep, type TicketChange } from './take-ticket-step.ts';
import type { TicketDeps } from './ticket-deps.ts';
import { cancelTicketTimers, minutesAfter, scheduleTicketTimer, ticketTimerKinds } from './ticket-timers.ts';

export function releaseTicket(deps: TicketDeps, input: { ticket: string; actorId: string; automatic?: boolean }): Promise<TicketChange> {
  return takeTicketStep(deps, input, {
    step: 'release',
    event: input.automatic ? 'auto_released' : 'released',
    change: (_ticket, now) => ({ status: 'open', claimerId: null, claimedAt: null, claimCheckAskedAt: null, onSiteAt: null, unclaimedSince: now }),
    alongside: async (tx, ticket, now) => {
      await cancelTicketTimers(tx, ticket.id, [ticketTimerKinds.claimCheck]);
      await scheduleTicketTimer(tx, ticketTimerKinds.unclaimed, ticket.id, minutesAfter(now, deps.config.tickets.unclaimedMinutes));
    },
  });
}

// Which function fires each kind of durable timer. Each feature adds its kinds here.
import { ticketTimerKinds } from '../domain/tickets/ticket-timers.ts';
import type { BotContext } from '../slack/bot-context.ts';
import type { TimerHandlers } from './sweep-due-timers.ts';
import { ticketClaimChecks } from './ticket-claim-checks.ts';
import { ticketSlaPings } from './ticket-sla-pings.ts';
import { ticketUnclaimedPings } from './ticket-unclaimed-pings.ts';

export function timerHandlers(ctx: BotContext): TimerHandlers {
  return {
    [ticketTimerKinds.sla]: ticketSlaPings(ctx),
    [ticketTimerKinds.unclaimed]: ticketUnclaimedPings(ctx),
    [ticketTimerKinds.claimCheck]: ticketClaimChecks(ctx),
  };
}

// Which function fires each kind of durable timer. Each feature adds its kinds here.
import { approvalDeadlineTimer } from '../domain/approvals/request-approval.ts';
import { followUpTimer } from '../domain/retention/apply-retention-outcome.ts';
import { ticketTimerKinds } from '../domain/tickets/ticket-timers.ts';
import type { BotContext } from '../slack/bot-context.ts';
import { approvalDeadlineHandler } from './approvals/approval-deadline.ts';
import { retentionFollowUpHandler } from './retention/retention-follow-up.ts';
import { xregionDeadlineTimer } from '../domain/xregion/deadline-timer.ts';
import type { TimerHandlers } from './sweep-due-timers.ts';
import { monthlyReportTimer } from '../domain/reports/report-timers.ts';
import { monthlyReportTimerHandler } from './reports/monthly-report-timer.ts';
import { xregionDeadlineHandler } from './xregion/xregion-deadline.ts';
import { visitTimerKinds } from '../domain/visits/reminder-timers.ts';
import { visitDigestTimer } from './visits/digest-timer.ts';
import { visitWeeklySummaryTimer } from './visits/weekly-summary-timer.ts';
import { ticketClaimChecks } from './tickets/ticket-claim-checks.ts';
import { ticketSlaPings } from './tickets/ticket-sla-pings.ts';
import { ticketUnclaimedPings } from './tickets/ticket-unclaimed-pings.ts';
import { liveTrackingTimer } from '../domain/tickets/live-tracking.ts';
import { ticketInformReminder } from './tickets/ticket-inform-reminder.ts';

export function timerHandlers(ctx: BotContext): TimerHandlers {
  return {
    [approvalDeadlineTimer]: approvalDeadlineHandler(ctx),
    [followUpTimer]: retentionFollowUpHandler(ctx),
    [xregionDeadlineTimer]: xregionDeadlineHandler(ctx),
    [visitTimerKinds.digest]: visitDigestTimer(ctx),
    [visitTimerKinds.weeklySummary]: visitWeeklySummaryTimer(ctx),
    [monthlyReportTimer]: monthlyReportTimerHandler(ctx),
    [ticketTimerKinds.sla]: ticketSlaPings(ctx),
    [ticketTimerKinds.unclaimed]: ticketUnclaimedPings(ctx),
    [ticketTimerKinds.claimCheck]: ticketClaimChecks(ctx),
    [liveTrackingTimer]: ticketInformReminder(ctx),
  };
}

// Fires an approved activity plan's report timer ('plan.report', subject = plan id):
// asked at the end of the event day, reminded once at the due time — the end of the
// report's last working day (see src/domain/plans/plan-report-reminders.ts); a report
// recorded meanwhile clears the timer.
import { stepPlanReport } from '../../domain/plans/plan-report-reminders.ts';
import { fromDbDate, instantAt } from '../../domain/local-time.ts';
import type { BotContext } from '../../slack/bot-context.ts';
import type { TimerHandler } from '../sweep-due-timers.ts';

export function planReportTimerHandler(ctx: BotContext): TimerHandler {
  return async (timer, now) => {
    const planId = BigInt(timer.subjectId);
    const plan = await ctx.db.activityPlan.findUnique({ where: { id: planId }, select: { reportDueOn: true } });
    if (!plan?.reportDueOn) return null;
    const dueAt = instantAt(fromDbDate(plan.reportDueOn), ctx.config.workingHours.end, ctx.config.timezone);
    const next = await stepPlanReport({ db: ctx.db, clock: { now: () => now } }, { planId, dueAt });
    ctx.outbox.kick();
    return next;
  };
}

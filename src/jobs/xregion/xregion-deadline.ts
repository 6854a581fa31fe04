// Fires a cross-region request's deadline timer ('xregion.deadline'): before the reply
// deadline a reminder, at the deadline a breach — to the handler, or to the home
// region's channel while nobody has accepted it, and at breach also to the home
// region's supervisors. It looks at the request as it is now (a closed request ends
// the timer) and claims each step by its stamp together with its announcement, so each
// step goes out once across sweeps and restarts, each audience stamped on its own.
import { claimAndAnnounceDeadlineStep } from '../../domain/xregion/deadline-timer.ts';
import { dueDeadlineStep } from '../../domain/xregion/reply-deadline-policy.ts';
import { isClosed, loadRequestRecord } from '../../domain/xregion/request-record.ts';
import type { BotContext } from '../../slack/bot-context.ts';
import type { TimerHandler } from '../sweep-due-timers.ts';

export function xregionDeadlineHandler(ctx: BotContext): TimerHandler {
  return async (timer, now) => {
    const record = await loadRequestRecord(ctx, timer.subjectId);
    if (!record || isClosed(record.request.status)) return null;
    const { request } = record;
    const plan = dueDeadlineStep(
      { openedAt: request.openedAt, deadline: request.replyDeadline, reminderLeadMinutes: ctx.config.xregion.reminderLeadMinutes, reminderSentAt: request.reminderSentAt, breachSentAt: request.breachSentAt },
      now,
    );
    // Claimed with its announcement; the outbox sends each audience's message once.
    if (plan.step && (await claimAndAnnounceDeadlineStep(ctx.db, { now: () => now }, request.id, plan.step))) ctx.outbox.kick();
    return plan.next;
  };
}

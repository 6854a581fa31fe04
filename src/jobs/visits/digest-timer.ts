// Fires an account manager's daily digest timer ('visit.digest', subject = manager).
// It reads the manager as they are now: someone no longer an active account manager
// gets nothing and no next timer; a changed time zone simply moves the next run.
// Working days are the work calendar's: no digest on a holiday, one on a make-up Saturday.
import { buildManagerDigest } from '../../domain/visits/manager-digest.ts';
import { digestSchedule, nextReminderAt, reminderDayDue, staffTimeZone } from '../../domain/visits/reminder-schedule.ts';
import type { BotContext } from '../../slack/bot-context.ts';
import { allClearMessage, digestMessage } from '../../slack/visits/reminders.ts';
import { localeOf } from '../../slack/locale.ts';
import type { TimerHandler } from '../sweep-due-timers.ts';
import { sendReminderOnce } from './send-reminder-once.ts';
import { workCalendarOf } from '../calendar/work-calendar-of.ts';

export function visitDigestTimer(ctx: BotContext): TimerHandler {
  const settings = ctx.config.visits;
  return async (timer, now) => {
    const manager = await ctx.db.staff.findUnique({ where: { slackUserId: timer.subjectId } });
    if (!manager || !manager.active || manager.role !== 'account_manager') return null;
    const schedule = digestSchedule(settings, staffTimeZone(manager, ctx.config.timezone), await workCalendarOf(ctx, now));
    const today = reminderDayDue(now, schedule);
    if (today) {
      await sendReminderOnce(ctx, { kind: 'digest', recipientId: manager.slackUserId, localDate: today }, now, async () => {
        const digest = await buildManagerDigest(ctx, { managerId: manager.slackUserId, today, policy: settings.policy });
        // Nothing due and no birthdays: one line saying so (VISIT_DIGEST_ALL_CLEAR), never an empty digest.
        if (digest.lineCount === 0 && !settings.digestAllClear) return null;
        const locale = await localeOf(ctx, manager.slackUserId);
        const message = digest.lineCount === 0 ? allClearMessage(locale, digest) : digestMessage(locale, digest, settings.bestCallTimes);
        return { message, lineCount: digest.lineCount };
      });
    }
    return nextReminderAt(now, schedule);
  };
}

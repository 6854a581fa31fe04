// Fires a supervisor's weekly summary timer ('visit.weekly_summary', subject =
// supervisor): their region's week just ended, on Monday morning in their time zone
// (a Monday off moves it to the week's first working day, see the work calendar).
import { buildRegionWeeklySummary } from '../../domain/visits/region-weekly-summary.ts';
import { nextReminderAt, reminderDayDue, staffTimeZone, weeklySummarySchedule } from '../../domain/visits/reminder-schedule.ts';
import type { BotContext } from '../../slack/bot-context.ts';
import { weeklySummaryMessage } from '../../slack/visits/reminders.ts';
import { localeOf } from '../../slack/locale.ts';
import type { TimerHandler } from '../sweep-due-timers.ts';
import { sendReminderOnce } from './send-reminder-once.ts';
import { workCalendarOf } from '../calendar/work-calendar-of.ts';

export function visitWeeklySummaryTimer(ctx: BotContext): TimerHandler {
  const settings = ctx.config.visits;
  return async (timer, now) => {
    const supervisor = await ctx.db.staff.findUnique({ where: { slackUserId: timer.subjectId } });
    if (!supervisor || !supervisor.active || supervisor.role !== 'supervisor' || !supervisor.regionCode) return null;
    const regionCode = supervisor.regionCode;
    const timeZone = staffTimeZone(supervisor, ctx.config.timezone);
    const schedule = weeklySummarySchedule(settings, timeZone, await workCalendarOf(ctx, now));
    const today = reminderDayDue(now, schedule);
    if (today) {
      await sendReminderOnce(ctx, { kind: 'weekly_summary', recipientId: supervisor.slackUserId, localDate: today }, now, async () => {
        const summary = await buildRegionWeeklySummary(ctx, { regionCode, today, timeZone, policy: settings.policy });
        const locale = await localeOf(ctx, supervisor.slackUserId);
        const lineCount = summary.managers.length + summary.lateNewCustomers.length;
        return { message: weeklySummaryMessage(locale, summary, settings.policy.firstCallbackDays), lineCount };
      });
    }
    return nextReminderAt(now, schedule);
  };
}

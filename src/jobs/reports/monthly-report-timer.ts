// Fires a region's monthly report timer ('report.monthly', subject = region code): on
// the 1st at REPORT_MONTHLY_TIME (BOT_TIMEZONE) the report of the month just ended goes
// to the region's supervisors' channel. After downtime it sends the latest complete
// month only — an old report nobody asked for would just be noise.
import { lastCompleteMonth } from '../../domain/reports/report-month.ts';
import { nextMonthlyReportAt } from '../../domain/reports/report-timers.ts';
import type { BotContext } from '../../slack/bot-context.ts';
import { postMonthlyReportOnce } from '../../slack/reports/post-monthly-report.ts';
import type { TimerHandler } from '../sweep-due-timers.ts';

export function monthlyReportTimerHandler(ctx: BotContext): TimerHandler {
  return async (timer, now) => {
    const schedule = { time: ctx.config.reports.monthlyTime, timeZone: ctx.config.timezone };
    const region = await ctx.db.region.findUnique({ where: { code: timer.subjectId } });
    if (!region) return null;
    if (region.supervisorChannelId) {
      const month = lastCompleteMonth(now, ctx.config.timezone);
      await postMonthlyReportOnce(ctx, { regionCode: region.code, month, channel: region.supervisorChannelId }, now);
    }
    return nextMonthlyReportAt(now, schedule);
  };
}

// Fires the December check ('calendar.next_year_check'): next year's calendar missing
// → an outbox announcement the admins get as a direct message; then the next check.
import { checkNextYearCalendar, nextCalendarCheckAt } from '../../domain/calendar/next-year-check.ts';
import type { BotContext } from '../../slack/bot-context.ts';
import type { TimerHandler } from '../sweep-due-timers.ts';

export function nextYearCalendarCheck(ctx: BotContext): TimerHandler {
  return async (_timer, now) => {
    const timeZone = ctx.config.timezone;
    const { missingYear } = await checkNextYearCalendar({ db: ctx.db, clock: { now: () => now } }, { timeZone });
    if (missingYear !== null) ctx.outbox.kick();
    return nextCalendarCheckAt(now, { time: ctx.config.reports.monthlyTime, timeZone });
  };
}

// When reminders go out, in each recipient's own time zone: the digest at
// VISIT_DIGEST_TIME on working days, the weekly summary at VISIT_WEEKLY_SUMMARY_TIME
// on VISIT_WEEKLY_SUMMARY_DAY. Pure maths over src/domain/local-time.ts.
import { instantAt, localDateOf, nextLocalTime, weekdayOf, type LocalDate, type Weekday } from '../local-time.ts';
import { isValidTimezone } from '../timezone.ts';
import type { VisitSettings } from './visit-settings.ts';

/** A staff member's own time zone; one the runtime does not know would stall their timer forever. */
export function staffTimeZone(staff: { timezone: string | null }, fallback: string): string {
  return staff.timezone && isValidTimezone(staff.timezone) ? staff.timezone : fallback;
}

export type ReminderSchedule = { timeZone: string; time: string; days: readonly Weekday[] };

export function digestSchedule(settings: VisitSettings, timeZone: string): ReminderSchedule {
  return { timeZone, time: settings.digestTime, days: settings.workingDays };
}

export function weeklySummarySchedule(settings: VisitSettings, timeZone: string): ReminderSchedule {
  return { timeZone, time: settings.weeklySummaryTime, days: [settings.weeklySummaryDay] };
}

/** The next time the reminder goes out, strictly after `after`. */
export function nextReminderAt(after: Date, schedule: ReminderSchedule): Date {
  return nextLocalTime(after, schedule);
}

/**
 * The local day whose reminder is due at `now`, or null: today must be one of the
 * schedule's days and its time must have come. A reminder missed while the bot was
 * down is sent later that same day, once; earlier days are not replayed (today's
 * message already carries everything still outstanding).
 */
export function reminderDayDue(now: Date, schedule: ReminderSchedule): LocalDate | null {
  const today = localDateOf(now, schedule.timeZone);
  if (!schedule.days.includes(weekdayOf(today))) return null;
  return now.getTime() >= instantAt(today, schedule.time, schedule.timeZone).getTime() ? today : null;
}

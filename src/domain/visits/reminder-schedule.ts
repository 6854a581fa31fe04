// When reminders go out, in each recipient's own time zone: the digest at
// VISIT_DIGEST_TIME on working days, the weekly summary at VISIT_WEEKLY_SUMMARY_TIME
// on VISIT_WEEKLY_SUMMARY_DAY (or the first working day after it that week). Working
// days come from the work calendar (src/domain/calendar/): holidays are skipped and
// make-up Saturdays count. Pure maths over src/domain/local-time.ts.
import { isWeeklyDay, isWorkingDay, weekdaysOnly, type WorkCalendar } from '../calendar/work-calendar.ts';
import { addDays, instantAt, localDateOf, type LocalDate } from '../local-time.ts';
import { isValidTimezone } from '../timezone.ts';
import type { VisitSettings } from './visit-settings.ts';

/** A staff member's own time zone; one the runtime does not know would stall their timer forever. */
export function staffTimeZone(staff: { timezone: string | null }, fallback: string): string {
  return staff.timezone && isValidTimezone(staff.timezone) ? staff.timezone : fallback;
}

export type ReminderSchedule = { timeZone: string; time: string; isDay: (date: LocalDate) => boolean };

/** Without a calendar (tests, tools): the regular week of VISIT_WORKING_DAYS. */
export function digestSchedule(settings: VisitSettings, timeZone: string, calendar: WorkCalendar = weekdaysOnly(settings.workingDays)): ReminderSchedule {
  return { timeZone, time: settings.digestTime, isDay: (date) => isWorkingDay(calendar, date) };
}

export function weeklySummarySchedule(settings: VisitSettings, timeZone: string, calendar: WorkCalendar = weekdaysOnly(settings.workingDays)): ReminderSchedule {
  return { timeZone, time: settings.weeklySummaryTime, isDay: (date) => isWeeklyDay(calendar, date, settings.weeklySummaryDay) };
}

// A year without one working day is a broken configuration, not a reason to loop forever.
const horizonDays = 400;

/** The next time the reminder goes out, strictly after `after`. */
export function nextReminderAt(after: Date, schedule: ReminderSchedule): Date {
  const today = localDateOf(after, schedule.timeZone);
  for (let i = 0; i < horizonDays; i++) {
    const date = addDays(today, i);
    if (!schedule.isDay(date)) continue;
    const at = instantAt(date, schedule.time, schedule.timeZone);
    if (at.getTime() > after.getTime()) return at;
  }
  throw new Error(`no reminder day within ${horizonDays} days of ${today}`);
}

/**
 * The local day whose reminder is due at `now`, or null: today must be one of the
 * schedule's days and its time must have come. A reminder missed while the bot was
 * down is sent later that same day, once; earlier days are not replayed (today's
 * message already carries everything still outstanding).
 */
export function reminderDayDue(now: Date, schedule: ReminderSchedule): LocalDate | null {
  const today = localDateOf(now, schedule.timeZone);
  if (!schedule.isDay(today)) return null;
  return now.getTime() >= instantAt(today, schedule.time, schedule.timeZone).getTime() ? today : null;
}

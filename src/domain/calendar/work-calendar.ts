// What a working day is in China: the regular week (VISIT_WORKING_DAYS, Monday to
// Friday) overridden date by date by the year's calendar — statutory holidays
// (法定节假日) are days off even on a weekday, make-up days (调休) are working days even
// on a Saturday or Sunday. A year the calendar does not know falls back to the regular
// week, and says so once (`onMissingYear`), so a forgotten import is noticed, not silent.
// Pure: load-work-calendar.ts fills it from Postgres.
import { addDays, instantAt, localDateOf, weekdayOf, type LocalDate, type Weekday } from '../local-time.ts';

export type CalendarDayKind = 'holiday' | 'workday';

export type WorkCalendar = {
  regularWeek: readonly Weekday[];
  /** Dates that differ from the regular week, for the years in `years`. */
  days: ReadonlyMap<LocalDate, CalendarDayKind>;
  years: ReadonlySet<number>;
  /** Called once per year asked about that the calendar does not cover. */
  onMissingYear?: (year: number) => void;
  warned: Set<number>;
};

export function workCalendar(input: {
  regularWeek: readonly Weekday[];
  days?: Iterable<readonly [LocalDate, CalendarDayKind]>;
  years?: Iterable<number>;
  onMissingYear?: (year: number) => void;
}): WorkCalendar {
  return { regularWeek: input.regularWeek, days: new Map(input.days ?? []), years: new Set(input.years ?? []), onMissingYear: input.onMissingYear, warned: new Set() };
}

/** A calendar with no data: the regular week only, without warnings (tests, and before the first load). */
export function weekdaysOnly(regularWeek: readonly Weekday[]): WorkCalendar {
  return workCalendar({ regularWeek, onMissingYear: () => {} });
}

export function isWorkingDay(calendar: WorkCalendar, date: LocalDate): boolean {
  const year = Number(date.slice(0, 4));
  if (!calendar.years.has(year)) {
    if (!calendar.warned.has(year)) {
      calendar.warned.add(year);
      calendar.onMissingYear?.(year);
    }
  } else {
    const listed = calendar.days.get(date);
    if (listed) return listed === 'workday';
  }
  return calendar.regularWeek.includes(weekdayOf(date));
}

// Nobody has a year of days off; past this something is misconfigured (an empty week).
const horizonDays = 400;

/** `date` itself when it is a working day, else the next one. */
export function workingDayOnOrAfter(calendar: WorkCalendar, date: LocalDate): LocalDate {
  for (let i = 0; i < horizonDays; i++) {
    const day = addDays(date, i);
    if (isWorkingDay(calendar, day)) return day;
  }
  throw new Error(`no working day within ${horizonDays} days of ${date}`);
}

/** `date` itself when it is a working day, else the last one before it. */
export function workingDayOnOrBefore(calendar: WorkCalendar, date: LocalDate): LocalDate {
  for (let i = 0; i < horizonDays; i++) {
    const day = addDays(date, -i);
    if (isWorkingDay(calendar, day)) return day;
  }
  throw new Error(`no working day within ${horizonDays} days before ${date}`);
}

/** The n-th working day after `date` (n ≥ 1; `date` itself does not count). */
export function addWorkingDays(calendar: WorkCalendar, date: LocalDate, n: number): LocalDate {
  let day = date;
  for (let counted = 0; counted < n; ) {
    day = workingDayOnOrAfter(calendar, addDays(day, 1));
    counted++;
  }
  return day;
}

export type HolidayDueRule = 'next' | 'previous' | 'keep';

/** A statutory holiday of a year the calendar covers (an ordinary weekend is not one). */
export function isHoliday(calendar: WorkCalendar, date: LocalDate): boolean {
  return calendar.years.has(Number(date.slice(0, 4))) && calendar.days.get(date) === 'holiday';
}

/**
 * A due date that falls on a statutory holiday, moved as configured (VISIT_DUE_ON_HOLIDAY)
 * to the next working day or the one before. Ordinary weekends stay as they are: a
 * Sunday's due customer is on Monday's digest anyway.
 */
export function moveDueDate(calendar: WorkCalendar, date: LocalDate, rule: HolidayDueRule): LocalDate {
  if (rule === 'keep' || !isHoliday(calendar, date)) return date;
  return rule === 'next' ? workingDayOnOrAfter(calendar, date) : workingDayOnOrBefore(calendar, date);
}

/**
 * The weekly summary's day: the configured weekday when it is a working day, else the
 * first working day after it in that week (a Monday off during Spring Festival moves the
 * summary to Tuesday, or to the make-up Saturday). A week without working days has none.
 */
export function isWeeklyDay(calendar: WorkCalendar, date: LocalDate, weekday: Weekday): boolean {
  const back = (weekdayOf(date) - weekday + 7) % 7;
  const start = addDays(date, -back);
  for (let i = 0; i < back; i++) if (isWorkingDay(calendar, addDays(start, i))) return false;
  return isWorkingDay(calendar, date);
}

export type WorkingHours = { start: string; end: string };

/**
 * The instant `hours` working hours after `from`: only the time between the start and
 * the end of working days counts (WORK_HOURS, local time of `timeZone`). A restore on
 * Friday evening with 4 working hours is due Monday late morning — or later after a holiday.
 */
export function addWorkingHours(calendar: WorkCalendar, from: Date, hours: number, input: { timeZone: string; workingHours: WorkingHours }): Date {
  let left = hours * 3_600_000;
  let date = localDateOf(from, input.timeZone);
  let cursor = from;
  for (let i = 0; i < horizonDays; i++, date = addDays(date, 1)) {
    if (!isWorkingDay(calendar, date)) continue;
    const start = instantAt(date, input.workingHours.start, input.timeZone);
    const end = instantAt(date, input.workingHours.end, input.timeZone);
    const begin = cursor > start ? cursor : start;
    if (begin >= end) continue;
    const available = end.getTime() - begin.getTime();
    if (left <= available) return new Date(begin.getTime() + left);
    left -= available;
    cursor = end;
  }
  throw new Error(`cannot count ${hours} working hours from ${from.toISOString()}`);
}

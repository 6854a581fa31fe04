// The December notice: when next year's calendar is missing, the admins are told on
// 1 December and again every Monday of December until it is loaded (one durable timer,
// kind 'calendar.next_year_check', at REPORT_MONTHLY_TIME in BOT_TIMEZONE). Without it
// the bot would quietly count 1 January onwards by weekdays alone.
import type { Db } from '../../db/client.ts';
import type { Deps } from '../deps.ts';
import { addDays, instantAt, localDateOf, weekdayOf, type LocalDate } from '../local-time.ts';
import { announce } from '../outbox/announce.ts';
import { scheduleTimer } from '../timers/schedule-timer.ts';

export const calendarCheckTimer = { kind: 'calendar.next_year_check', subjectId: 'next_year' } as const;
export const calendarAnnouncementKinds = { nextYearMissing: 'calendar.next_year_missing' } as const;

type CheckSchedule = { time: string; timeZone: string };

const isCheckDay = (date: LocalDate) => date.slice(5, 7) === '12' && (date.endsWith('-12-01') || weekdayOf(date) === 1);

/** The first check instant strictly after `after`: 1 December or a Monday in December. */
export function nextCalendarCheckAt(after: Date, schedule: CheckSchedule): Date {
  const today = localDateOf(after, schedule.timeZone);
  for (let i = 0; i < 400; i++) {
    const date = addDays(today, i);
    if (!isCheckDay(date)) continue;
    const at = instantAt(date, schedule.time, schedule.timeZone);
    if (at > after) return at;
  }
  throw new Error('no December within a year');
}

/** In December, when next year is not in the calendar: one announcement for the admins. */
export async function checkNextYearCalendar(deps: Deps, input: { timeZone: string }): Promise<{ missingYear: number | null }> {
  const today = localDateOf(deps.clock.now(), input.timeZone);
  if (today.slice(5, 7) !== '12') return { missingYear: null };
  const year = Number(today.slice(0, 4)) + 1;
  if (await deps.db.calendarYear.findUnique({ where: { year } })) return { missingYear: null };
  await announce(deps, { kind: calendarAnnouncementKinds.nextYearMissing, subject: `calendar:${year}`, payload: { year, on: today } });
  return { missingYear: year };
}

/** Keeps the one check timer armed (run by cron; harmless when it already is). */
export async function scheduleCalendarCheckTimer(db: Db, input: { now: Date } & CheckSchedule): Promise<{ scheduled: number }> {
  const pending = await db.timer.findFirst({ where: { ...calendarCheckTimer, dueAt: { not: null } } });
  if (pending) return { scheduled: 0 };
  await scheduleTimer({ db }, { ...calendarCheckTimer, dueAt: nextCalendarCheckAt(input.now, input) });
  return { scheduled: 1 };
}

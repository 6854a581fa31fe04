// The work calendar from Postgres, for the years around `around` (the year before, that
// year and the next two: enough for any reminder, due date or deadline counted from now).
import type { Db } from '../../db/client.ts';
import type { Weekday } from '../local-time.ts';
import { fromDbDate, toDbDate } from '../local-time.ts';
import { workCalendar, type WorkCalendar } from './work-calendar.ts';

export async function loadWorkCalendar(
  db: Db,
  input: { around: Date; regularWeek: readonly Weekday[]; onMissingYear?: (year: number) => void },
): Promise<WorkCalendar> {
  const year = input.around.getUTCFullYear();
  const [years, days] = await Promise.all([
    db.calendarYear.findMany({ where: { year: { gte: year - 1, lte: year + 2 } }, select: { year: true } }),
    db.calendarDay.findMany({ where: { date: { gte: toDbDate(`${year - 1}-01-01`), lt: toDbDate(`${year + 3}-01-01`) } }, select: { date: true, kind: true } }),
  ]);
  return workCalendar({
    regularWeek: input.regularWeek,
    years: years.map((y) => y.year),
    days: days.map((d) => [fromDbDate(d.date), d.kind] as const),
    onMissingYear: input.onMissingYear,
  });
}

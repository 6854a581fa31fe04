// What `/am calendar [YEAR]` shows: the year's holidays and make-up days, where they came
// from, or that the year is not known (the regular week is used, with a warning).
import type { Deps } from '../deps.ts';
import { fromDbDate, type LocalDate } from '../local-time.ts';
import type { CalendarDayKind } from './work-calendar.ts';
import { yearBounds } from './calendar-years.ts';

export type CalendarYearView =
  | { year: number; known: false }
  | { year: number; known: true; source: string; loadedAt: Date; days: { date: LocalDate; kind: CalendarDayKind; name: string | null }[] };

export async function describeCalendarYear(deps: Deps, year: number): Promise<CalendarYearView> {
  const known = await deps.db.calendarYear.findUnique({ where: { year } });
  if (!known) return { year, known: false };
  const days = await deps.db.calendarDay.findMany({ where: { date: yearBounds(year) }, orderBy: { date: 'asc' } });
  return { year, known: true, source: known.source, loadedAt: known.loadedAt, days: days.map((d) => ({ date: fromDbDate(d.date), kind: d.kind, name: d.name })) };
}

// At start-up: the years of the chinese-days package go into Postgres. A year an admin
// imported is never touched; a package year is rewritten when a newer package changed
// it (a corrected arrangement). Several bots starting together write the same rows.
import { inTransaction } from '../../db/transaction.ts';
import type { Deps } from '../deps.ts';
import { fromDbDate, toDbDate } from '../local-time.ts';
import { statutoryYears, type CalendarEntry } from './statutory-days.ts';
import { yearBounds } from './calendar-years.ts';

export const packageSource = 'package';

export async function seedCalendarFromPackage(deps: Deps): Promise<{ years: number[] }> {
  const known = new Map((await deps.db.calendarYear.findMany()).map((y) => [y.year, y.source]));
  const written: number[] = [];
  for (const [year, entries] of statutoryYears()) {
    const source = known.get(year);
    if (source && source !== packageSource) continue;
    if (source === packageSource && (await sameDays(deps, year, entries))) continue;
    await writeYear(deps, { year, entries, source: packageSource });
    written.push(year);
  }
  return { years: written };
}

async function sameDays(deps: Deps, year: number, entries: CalendarEntry[]): Promise<boolean> {
  const stored = await deps.db.calendarDay.findMany({ where: { date: yearBounds(year) }, orderBy: { date: 'asc' } });
  const key = (e: { date: string; kind: string; name: string | null }) => `${e.date}|${e.kind}|${e.name ?? ''}`;
  return stored.map((d) => key({ ...d, date: fromDbDate(d.date) })).join('\n') === entries.map(key).join('\n');
}

/** Replaces one year's days (in the caller's transaction when it has one). */
export async function writeYear(deps: Deps, input: { year: number; entries: CalendarEntry[]; source: string }): Promise<void> {
  await inTransaction(deps.db, async (tx) => {
    const now = deps.clock.now();
    await tx.calendarDay.deleteMany({ where: { date: yearBounds(input.year) } });
    await tx.calendarDay.createMany({
      data: input.entries.map((e) => ({ date: toDbDate(e.date), kind: e.kind, name: e.name, source: input.source, updatedAt: now })),
      skipDuplicates: true,
    });
    await tx.calendarYear.upsert({
      where: { year: input.year },
      create: { year: input.year, source: input.source, loadedAt: now },
      update: { source: input.source, loadedAt: now },
    });
  });
}

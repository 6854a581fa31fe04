// `npm run import -- calendar FILE.csv`: an admin's holidays and make-up days, columns
// `date,kind,name` (kind: holiday or workday; 休 and 班 are read too). Each year that
// appears in the file replaces that year's calendar as a whole — the package's or an
// earlier import — so a year is never half one source, half the other. Every row is
// checked first; one wrong row imports nothing.
import { z } from 'zod';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../audit.ts';
import type { Deps } from '../deps.ts';
import { readCsvRecords, type ImportProblem } from '../csv-records.ts';
import { isLocalDate } from '../local-time.ts';
import type { CalendarEntry } from './statutory-days.ts';
import { writeYear } from './seed-calendar.ts';

export const importSource = 'import';

export type CalendarImportResult = { ok: true; years: number[]; days: number } | { ok: false; problems: ImportProblem[] };

const kindWords: Record<string, CalendarEntry['kind']> = { holiday: 'holiday', workday: 'workday', 休: 'holiday', 班: 'workday' };

const row = z.object({
  date: z.string().trim().refine(isLocalDate, 'must be a date like 2027-10-01'),
  kind: z
    .string()
    .trim()
    .toLowerCase()
    .refine((k) => k in kindWords, 'must be holiday or workday')
    .transform((k) => kindWords[k]!),
  name: z
    .string()
    .trim()
    .max(100, 'must be at most 100 characters')
    .optional()
    .transform((n) => n || null),
});

export async function importCalendar(deps: Deps, input: { csv: string; actorId: string }): Promise<CalendarImportResult> {
  const read = readCsvRecords(input.csv);
  if (!read.ok) return { ok: false, problems: [read.problem] };
  const { records } = read;

  const problems: ImportProblem[] = [];
  const byYear = new Map<number, CalendarEntry[]>();
  const seen = new Map<string, number>();
  for (const { record, line } of records) {
    const parsed = row.safeParse(record);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push({ line, column: issue.path.join('.') || undefined, message: issue.message });
      continue;
    }
    const entry = parsed.data;
    const earlier = seen.get(entry.date);
    if (earlier !== undefined) {
      problems.push({ line, column: 'date', message: `${entry.date} is already on line ${earlier}` });
      continue;
    }
    seen.set(entry.date, line);
    const year = Number(entry.date.slice(0, 4));
    byYear.set(year, [...(byYear.get(year) ?? []), entry]);
  }
  if (problems.length > 0) return { ok: false, problems };

  const years = [...byYear.keys()].sort();
  await inTransaction(deps.db, async (tx) => {
    for (const year of years) await writeYear({ db: tx, clock: deps.clock }, { year, entries: byYear.get(year)!, source: importSource });
    await recordAudit({ db: tx, clock: deps.clock }, { actorId: input.actorId, action: 'calendar.imported', subject: 'calendar', detail: { years, days: seen.size } });
  });
  return { ok: true, years, days: seen.size };
}

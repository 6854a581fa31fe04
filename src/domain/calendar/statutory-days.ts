// The maintained source of China's statutory holidays and make-up working days: the
// chinese-days package (its JSON, updated when the State Council publishes a year's
// arrangement). Read once; updating the package brings new years at the next start.
import { createRequire } from 'node:module';
import { z } from 'zod';
import type { LocalDate } from '../local-time.ts';
import type { CalendarDayKind } from './work-calendar.ts';

export type CalendarEntry = { date: LocalDate; kind: CalendarDayKind; name: string | null };

// "National Day,国庆节,3": the English name, the Chinese name, the length of the holiday.
const packageData = z.object({ holidays: z.record(z.string(), z.string()), workdays: z.record(z.string(), z.string()) });

let cached: Map<number, CalendarEntry[]> | undefined;

/** Every year the package covers, with its holidays and make-up days. */
export function statutoryYears(): Map<number, CalendarEntry[]> {
  if (cached) return cached;
  const data = packageData.parse(createRequire(import.meta.url)('chinese-days/dist/chinese-days.json'));
  const byYear = new Map<number, CalendarEntry[]>();
  const add = (date: string, kind: CalendarDayKind, label: string) => {
    const year = Number(date.slice(0, 4));
    const [english, chinese] = label.split(',');
    const entries = byYear.get(year) ?? [];
    entries.push({ date, kind, name: chinese?.trim() || english?.trim() || null });
    byYear.set(year, entries);
  };
  for (const [date, label] of Object.entries(data.holidays)) add(date, 'holiday', label);
  for (const [date, label] of Object.entries(data.workdays)) add(date, 'workday', label);
  for (const entries of byYear.values()) entries.sort((a, b) => a.date.localeCompare(b.date));
  cached = byYear;
  return byYear;
}

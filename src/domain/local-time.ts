// Wall-clock time in a person's own time zone, with the Intl API only. Calendar dates
// are 'YYYY-MM-DD' strings (a date has no time zone); instants are Dates. Converting a
// wall time to an instant handles daylight-saving edges explicitly: a time that does
// not exist (spring forward) moves forward by the gap, a time that exists twice (fall
// back) is its first occurrence.

export type LocalDate = string;
/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const dayMillis = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall clock in `timeZone` at `instant`, as if it were UTC (milliseconds, whole seconds). */
function wallMillis(instant: Date, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
}

/** How far `timeZone` is ahead of UTC at `instant`, in milliseconds. */
export function offsetMillis(instant: Date, timeZone: string): number {
  const whole = Math.floor(instant.getTime() / 1000) * 1000;
  return wallMillis(new Date(whole), timeZone) - whole;
}

export function localDateOf(instant: Date, timeZone: string): LocalDate {
  return new Date(wallMillis(instant, timeZone)).toISOString().slice(0, 10);
}

/** 'HH:mm' on the wall clock in `timeZone` at `instant`. */
export function localTimeOf(instant: Date, timeZone: string): string {
  return new Date(wallMillis(instant, timeZone)).toISOString().slice(11, 16);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMillis).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMillis);
}

export function weekdayOf(date: LocalDate): Weekday {
  const sundayFirst = new Date(`${date}T00:00:00Z`).getUTCDay();
  return (sundayFirst === 0 ? 7 : sundayFirst) as Weekday;
}

export function isLocalDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const parsed = Date.parse(`${text}T00:00:00Z`);
  // Date.parse rolls 2026-02-30 over to March; a real date survives the round trip.
  return !Number.isNaN(parsed) && new Date(parsed).toISOString().startsWith(text);
}

/** The instant when the wall clock in `timeZone` shows `time` ('HH:mm') on `date`. */
export function instantAt(date: LocalDate, time: string, timeZone: string): Date {
  const wall = Date.parse(`${date}T${time}:00Z`);
  // Offsets a day either side: a zone changes its offset at most once in between.
  const before = offsetMillis(new Date(wall - dayMillis), timeZone);
  const after = offsetMillis(new Date(wall + dayMillis), timeZone);
  const matching = [wall - before, wall - after].filter((t) => wallMillis(new Date(t), timeZone) === wall);
  if (matching.length > 0) return new Date(Math.min(...matching));
  // In the spring-forward gap: the same distance past the gap's start.
  return new Date(wall - Math.min(before, after));
}

/** The first instant strictly after `after` when the local clock shows `time` on one of `days`. */
export function nextLocalTime(after: Date, schedule: { timeZone: string; time: string; days: readonly Weekday[] }): Date {
  if (schedule.days.length === 0) throw new Error('nextLocalTime needs at least one weekday');
  const today = localDateOf(after, schedule.timeZone);
  for (let i = 0; ; i++) {
    const date = addDays(today, i);
    if (!schedule.days.includes(weekdayOf(date))) continue;
    const at = instantAt(date, schedule.time, schedule.timeZone);
    if (at.getTime() > after.getTime()) return at;
  }
}

/** Postgres DATE columns arrive as UTC midnights. */
export function fromDbDate(value: Date): LocalDate;
export function fromDbDate(value: Date | null): LocalDate | null;
export function fromDbDate(value: Date | null): LocalDate | null {
  return value ? value.toISOString().slice(0, 10) : null;
}

export function toDbDate(date: LocalDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** 'YYYY-MM' of the instant on the wall calendar of `timeZone`. */
export function localMonthOf(instant: Date, timeZone: string): string {
  return localDateOf(instant, timeZone).slice(0, 7);
}

/** [start, end) of a calendar month ('YYYY-MM') in `timeZone`, and the month before it. */
export function monthBounds(month: string, timeZone: string): { start: Date; end: Date; previous: string } {
  const first = `${month}-01`;
  const next = addDays(first, 32).slice(0, 7);
  const previous = addDays(first, -1).slice(0, 7);
  return { start: instantAt(first, '00:00', timeZone), end: instantAt(`${next}-01`, '00:00', timeZone), previous };
}

/** "2026-11-23 10:05" on the wall clock of `timeZone`. */
export function formatLocalDateTime(instant: Date, timeZone: string): string {
  return `${localDateOf(instant, timeZone)} ${localTimeOf(instant, timeZone)}`;
}

/** [from, to) covering the local days FROM through TO inclusive; null if either is not a date or TO is before FROM. */
export function localDayRange(fromText: string, toText: string, timeZone: string): { from: Date; to: Date } | null {
  const [first, last] = [fromText.trim(), toText.trim()];
  if (!isLocalDate(first) || !isLocalDate(last) || last < first) return null;
  return { from: instantAt(first, '00:00', timeZone), to: instantAt(addDays(last, 1), '00:00', timeZone) };
}

// Calendar dates and clock times as people in a time zone read them: export periods
// are whole local days, and forms show local times. Pure, tested across zones.

const partsFormatter = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatter.get(timeZone);
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
    partsFormatter.set(timeZone, formatter);
  }
  return formatter;
}

function localParts(at: Date, timeZone: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> {
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(at).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** How far the zone's wall clock is ahead of UTC at that instant, in milliseconds. */
function offsetMillis(at: Date, timeZone: string): number {
  const p = localParts(at, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(at.getTime() / 1000) * 1000;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-11-23 10:05" in the zone. */
export function formatLocalDateTime(at: Date, timeZone: string): string {
  const p = localParts(at, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** "20261123": the local calendar day, for request numbers. */
export function localDayKey(at: Date, timeZone: string): string {
  const p = localParts(at, timeZone);
  return `${p.year}${pad(p.month)}${pad(p.day)}`;
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD, or null. */
export function parseCalendarDate(text: string): { year: number; month: number; day: number } | null {
  const m = isoDate.exec(text.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return { year, month, day };
}

/** The instant local midnight starts that day in the zone (DST-safe). */
export function startOfLocalDay(date: { year: number; month: number; day: number }, timeZone: string): Date {
  const wallMidnight = Date.UTC(date.year, date.month - 1, date.day);
  let guess = wallMidnight - offsetMillis(new Date(wallMidnight), timeZone);
  // A second pass settles days whose offset differs from the guess's (DST changes).
  guess = wallMidnight - offsetMillis(new Date(guess), timeZone);
  return new Date(guess);
}

/** [from, to) covering the local days FROM through TO inclusive; null if either is not a date or TO is before FROM. */
export function localDayRange(fromText: string, toText: string, timeZone: string): { from: Date; to: Date } | null {
  const first = parseCalendarDate(fromText);
  const last = parseCalendarDate(toText);
  if (!first || !last) return null;
  const from = startOfLocalDay(first, timeZone);
  const dayAfter = new Date(Date.UTC(last.year, last.month - 1, last.day + 1));
  const to = startOfLocalDay({ year: dayAfter.getUTCFullYear(), month: dayAfter.getUTCMonth() + 1, day: dayAfter.getUTCDate() }, timeZone);
  return to.getTime() > from.getTime() ? { from, to } : null;
}

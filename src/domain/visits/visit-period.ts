// Periods as people type them after `/visit list`: `7d` (the last seven days, today
// included), `2026-11` (a calendar month), `2026-11-01..2026-11-15` (inclusive).
import { addDays, isLocalDate, type LocalDate } from '../local-time.ts';

export type Period = { from: LocalDate; to: LocalDate };

export const defaultPeriodDays = 30;

export function lastDays(days: number, today: LocalDate): Period {
  return { from: addDays(today, -(days - 1)), to: today };
}

/** The period `text` names, or null when it is not a period at all. */
export function parsePeriod(text: string, today: LocalDate): Period | null {
  const t = text.trim().toLowerCase();
  const days = /^(\d{1,3})d$/.exec(t);
  if (days) {
    const n = Number(days[1]);
    return n >= 1 && n <= 366 ? lastDays(n, today) : null;
  }
  const month = /^(\d{4})-(\d{2})$/.exec(t);
  if (month && isLocalDate(`${t}-01`)) {
    const nextMonth = Number(month[2]) === 12 ? `${Number(month[1]) + 1}-01-01` : `${month[1]}-${String(Number(month[2]) + 1).padStart(2, '0')}-01`;
    return { from: `${t}-01`, to: addDays(nextMonth, -1) };
  }
  const range = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(t);
  if (range && isLocalDate(range[1]!) && isLocalDate(range[2]!) && range[1]! <= range[2]!) return { from: range[1]!, to: range[2]! };
  return null;
}

/** Whether the text looks like an attempt at a period (so a typo is reported, not taken for a customer). */
export function looksLikePeriod(text: string): boolean {
  return /^(\d+d|\d{4}-\d{2}(-\d{2})?(\.\.[\d-]*)?)$/i.test(text.trim());
}

// Report months are calendar months in the bot's time zone ('YYYY-MM'). The monthly
// report is about a month that has ended; asked on demand it may also cover the month
// so far, never one that has not begun.
import { DomainError } from '../../errors.ts';
import { localMonthOf, monthBounds } from '../local-time.ts';

export const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

export function previousMonth(month: string): string {
  return monthBounds(month, 'UTC').previous;
}

/** The last month that has fully ended at `now`: what the 1st-of-the-month post covers. */
export function lastCompleteMonth(now: Date, timeZone: string): string {
  return previousMonth(localMonthOf(now, timeZone));
}

/** A month someone typed: well formed and already begun, else a courteous refusal. */
export function checkedReportMonth(text: string, now: Date, timeZone: string): string {
  if (!monthPattern.test(text)) throw new DomainError('report_bad_month', { value: text });
  if (text > localMonthOf(now, timeZone)) throw new DomainError('report_future_month', { value: text });
  return text;
}

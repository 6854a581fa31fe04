// Where each of the page's clock buttons takes the bot's clock. "Next 09:00" and "the 1st
// of next month" are wall times in BOT_TIMEZONE (the digests and the monthly report are
// due then); the 1st lands at REPORT_MONTHLY_TIME, when the monthly report is posted.
import { z } from 'zod';
import { instantAt, localDateOf, nextLocalTime, type Weekday } from '../domain/local-time.ts';

export const clockMoves = ['plus15Minutes', 'plus1Hour', 'next0900', 'nextMonth'] as const;
export const clockMoveSchema = z.enum(clockMoves);
export type ClockMove = z.infer<typeof clockMoveSchema>;

const everyDay: Weekday[] = [1, 2, 3, 4, 5, 6, 7];

export function clockMoveTarget(move: ClockMove, now: Date, settings: { timeZone: string; monthlyTime: string }): Date {
  switch (move) {
    case 'plus15Minutes':
      return new Date(now.getTime() + 15 * 60_000);
    case 'plus1Hour':
      return new Date(now.getTime() + 60 * 60_000);
    case 'next0900':
      return nextLocalTime(now, { timeZone: settings.timeZone, time: '09:00', days: everyDay });
    case 'nextMonth': {
      const [year, month] = localDateOf(now, settings.timeZone).split('-').map(Number) as [number, number];
      const first = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
      return instantAt(first, settings.monthlyTime, settings.timeZone);
    }
  }
}


// When the monthly report is due, and which month it covers: the 1st at 09:00 on the
// wall clock of the bot's zone, at exact instants and across the year's end.
import { describe, expect, it } from 'vitest';
import { checkedReportMonth, lastCompleteMonth, previousMonth } from '../../src/domain/reports/report-month.ts';
import { nextMonthlyReportAt } from '../../src/domain/reports/report-timers.ts';

const shanghai = { time: '09:00', timeZone: 'Asia/Shanghai' };
const berlin = { time: '09:00', timeZone: 'Europe/Berlin' };

describe('nextMonthlyReportAt', () => {
  it('is the coming 1st at 09:00 in Beijing (01:00 UTC)', () => {
    expect(nextMonthlyReportAt(new Date('2026-10-20T02:00:00Z'), shanghai).toISOString()).toBe('2026-11-01T01:00:00.000Z');
  });

  it('is strictly after the instant: at 09:00 sharp the next one is a month later', () => {
    expect(nextMonthlyReportAt(new Date('2026-11-01T00:59:59Z'), shanghai).toISOString()).toBe('2026-11-01T01:00:00.000Z');
    expect(nextMonthlyReportAt(new Date('2026-11-01T01:00:00Z'), shanghai).toISOString()).toBe('2026-12-01T01:00:00.000Z');
  });

  it('crosses the year and follows the zone’s daylight-saving offset', () => {
    expect(nextMonthlyReportAt(new Date('2026-12-15T00:00:00Z'), shanghai).toISOString()).toBe('2027-01-01T01:00:00.000Z');
    // Berlin: CET (+1) on 1 March, CEST (+2) on 1 April.
    expect(nextMonthlyReportAt(new Date('2027-02-10T00:00:00Z'), berlin).toISOString()).toBe('2027-03-01T08:00:00.000Z');
    expect(nextMonthlyReportAt(new Date('2027-03-10T00:00:00Z'), berlin).toISOString()).toBe('2027-04-01T07:00:00.000Z');
  });
});

describe('report months', () => {
  it('covers the month that has ended, in the bot’s zone', () => {
    // 2026-11-01 01:00 UTC is 09:00 on 1 November in Beijing, still 31 October in UTC.
    expect(lastCompleteMonth(new Date('2026-11-01T01:00:00Z'), 'Asia/Shanghai')).toBe('2026-10');
    expect(lastCompleteMonth(new Date('2026-10-31T17:00:00Z'), 'Asia/Shanghai')).toBe('2026-10');
    expect(lastCompleteMonth(new Date('2026-10-31T15:59:59Z'), 'Asia/Shanghai')).toBe('2026-09');
    expect(previousMonth('2027-01')).toBe('2026-12');
  });

  it('accepts this month and earlier ones, refuses later or unreadable ones', () => {
    const now = new Date('2026-11-05T00:00:00Z');
    expect(checkedReportMonth('2026-11', now, 'Asia/Shanghai')).toBe('2026-11');
    expect(checkedReportMonth('2025-01', now, 'Asia/Shanghai')).toBe('2025-01');
    expect(() => checkedReportMonth('2026-12', now, 'Asia/Shanghai')).toThrow(expect.objectContaining({ code: 'report_future_month' }));
    expect(() => checkedReportMonth('2026-13', now, 'Asia/Shanghai')).toThrow(expect.objectContaining({ code: 'report_bad_month' }));
    expect(() => checkedReportMonth('2026-1', now, 'Asia/Shanghai')).toThrow(expect.objectContaining({ code: 'report_bad_month' }));
  });
});

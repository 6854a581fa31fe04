// Wall-clock maths with Intl, at daylight-saving edges (Europe/Berlin) and in a zone
// without them (Asia/Shanghai). The test process runs in UTC (vitest.config.ts).
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, instantAt, isLocalDate, localDateOf, localTimeOf, nextLocalTime, weekdayOf } from '../../src/domain/local-time.ts';

const workingDays = [1, 2, 3, 4, 5] as const;
const next9 = (after: string, timeZone: string, days: readonly (1 | 2 | 3 | 4 | 5 | 6 | 7)[] = workingDays) =>
  nextLocalTime(new Date(after), { timeZone, time: '09:00', days }).toISOString();

describe('local dates and times', () => {
  it('reads the wall clock in a zone', () => {
    const instant = new Date('2026-11-22T16:30:00Z');
    expect(localDateOf(instant, 'Asia/Shanghai')).toBe('2026-11-23');
    expect(localTimeOf(instant, 'Asia/Shanghai')).toBe('00:30');
    expect(localDateOf(instant, 'Europe/Berlin')).toBe('2026-11-22');
    expect(localTimeOf(instant, 'Europe/Berlin')).toBe('17:30');
  });

  it('does calendar arithmetic on dates', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(daysBetween('2026-11-16', '2026-11-24')).toBe(8);
    expect(weekdayOf('2026-11-23')).toBe(1);
    expect(weekdayOf('2026-11-29')).toBe(7);
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2028-02-29')).toBe(true);
  });

  it('turns a wall time into an instant, in summer and winter', () => {
    expect(instantAt('2026-11-23', '09:00', 'Asia/Shanghai').toISOString()).toBe('2026-11-23T01:00:00.000Z');
    expect(instantAt('2026-11-23', '09:00', 'Europe/Berlin').toISOString()).toBe('2026-11-23T08:00:00.000Z');
    expect(instantAt('2026-07-01', '09:00', 'Europe/Berlin').toISOString()).toBe('2026-07-01T07:00:00.000Z');
  });

  it('moves a time that does not exist (spring forward, Berlin 2026-03-29) past the gap', () => {
    expect(instantAt('2026-03-29', '02:30', 'Europe/Berlin').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(localTimeOf(new Date('2026-03-29T01:30:00Z'), 'Europe/Berlin')).toBe('03:30');
    expect(instantAt('2026-03-29', '09:00', 'Europe/Berlin').toISOString()).toBe('2026-03-29T07:00:00.000Z');
  });

  it('takes the first of a time that happens twice (fall back, Berlin 2026-10-25)', () => {
    expect(instantAt('2026-10-25', '02:30', 'Europe/Berlin').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(instantAt('2026-10-25', '09:00', 'Europe/Berlin').toISOString()).toBe('2026-10-25T08:00:00.000Z');
  });
});

describe('the next 09:00 on a working day', () => {
  it('is today when 09:00 has not come yet, tomorrow once it has (Asia/Shanghai)', () => {
    expect(next9('2026-11-23T00:59:59Z', 'Asia/Shanghai')).toBe('2026-11-23T01:00:00.000Z');
    expect(next9('2026-11-23T01:00:00Z', 'Asia/Shanghai')).toBe('2026-11-24T01:00:00.000Z');
  });

  it('skips the weekend: from Friday 09:00 to Monday 09:00', () => {
    expect(next9('2026-11-27T01:00:00Z', 'Asia/Shanghai')).toBe('2026-11-30T01:00:00.000Z');
    expect(next9('2026-11-28T05:00:00Z', 'Asia/Shanghai')).toBe('2026-11-30T01:00:00.000Z');
  });

  it('follows configured working days (a six-day week)', () => {
    expect(next9('2026-11-27T01:00:00Z', 'Asia/Shanghai', [1, 2, 3, 4, 5, 6])).toBe('2026-11-28T01:00:00.000Z');
  });

  it('uses the local date of the zone, not UTC’s (Shanghai is already on Monday at Sunday 20:00 UTC)', () => {
    expect(next9('2026-11-29T20:00:00Z', 'Asia/Shanghai')).toBe('2026-11-30T01:00:00.000Z');
  });

  it('is 09:00 in Berlin, winter (UTC+1)', () => {
    expect(next9('2026-11-23T07:00:00Z', 'Europe/Berlin')).toBe('2026-11-23T08:00:00.000Z');
  });

  it('keeps 09:00 local across spring forward: Friday 08:00 UTC, Monday 07:00 UTC', () => {
    expect(next9('2026-03-26T08:00:00Z', 'Europe/Berlin')).toBe('2026-03-27T08:00:00.000Z');
    expect(next9('2026-03-27T08:00:00Z', 'Europe/Berlin')).toBe('2026-03-30T07:00:00.000Z');
  });

  it('keeps 09:00 local across fall back: Friday 07:00 UTC, Monday 08:00 UTC', () => {
    expect(next9('2026-10-22T07:00:00Z', 'Europe/Berlin')).toBe('2026-10-23T07:00:00.000Z');
    expect(next9('2026-10-23T07:00:00Z', 'Europe/Berlin')).toBe('2026-10-26T08:00:00.000Z');
  });

  it('lands on 09:00 local on the Sundays the clocks change, when Sunday is a working day', () => {
    const everyDay = [1, 2, 3, 4, 5, 6, 7] as const;
    expect(next9('2026-03-28T08:00:00Z', 'Europe/Berlin', everyDay)).toBe('2026-03-29T07:00:00.000Z');
    expect(next9('2026-10-24T07:00:00Z', 'Europe/Berlin', everyDay)).toBe('2026-10-25T08:00:00.000Z');
  });
});

// Local days and times in two zones, including a day that is 25 hours long.
import { describe, expect, it } from 'vitest';
import { formatLocalDateTime, isLocalDate, localDateOf, localDayRange } from '../../src/domain/local-time.ts';

describe('formatLocalDateTime and localDateOf', () => {
  it('read an instant as people in Shanghai and New York do', () => {
    const instant = new Date('2026-11-30T16:00:00Z');
    expect(formatLocalDateTime(instant, 'Asia/Shanghai')).toBe('2026-12-01 00:00');
    expect(formatLocalDateTime(instant, 'America/New_York')).toBe('2026-11-30 11:00');
    expect(localDateOf(new Date('2026-11-30T15:59:59Z'), 'Asia/Shanghai')).toBe('2026-11-30');
    expect(localDateOf(instant, 'Asia/Shanghai')).toBe('2026-12-01');
  });
});

describe('localDayRange', () => {
  it('covers whole local days, both ends included', () => {
    expect(localDayRange('2026-11-01', '2026-11-30', 'Asia/Shanghai')).toEqual({
      from: new Date('2026-10-31T16:00:00Z'),
      to: new Date('2026-11-30T16:00:00Z'),
    });
  });

  it('follows a daylight-saving change (New York falls back on 1 November 2026)', () => {
    const range = localDayRange('2026-11-01', '2026-11-01', 'America/New_York')!;
    expect(range.from.toISOString()).toBe('2026-11-01T04:00:00.000Z');
    expect(range.to.toISOString()).toBe('2026-11-02T05:00:00.000Z');
    expect(range.to.getTime() - range.from.getTime()).toBe(25 * 3_600_000);
  });

  it('refuses dates that do not exist and periods that end before they start', () => {
    expect(isLocalDate('2026-02-30')).toBe(false);
    expect(isLocalDate('2026-2-3')).toBe(false);
    expect(localDayRange('2026-11-30', '2026-11-01', 'Asia/Shanghai')).toBeNull();
    expect(localDayRange('2026-11-01', 'tomorrow', 'Asia/Shanghai')).toBeNull();
  });
});

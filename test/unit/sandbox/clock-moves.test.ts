// The sandbox's clock control: where each button takes the bot's clock, in BOT_TIMEZONE,
// and that the clock never runs backwards.
import { describe, expect, it } from 'vitest';
import { clockMoveTarget } from '../../../src/sandbox/clock-moves.ts';
import { offsetClock } from '../../../src/sandbox/offset-clock.ts';

const settings = { timeZone: 'Asia/Shanghai', monthlyTime: '09:00' };
const at = (iso: string) => new Date(iso);

describe('clock moves', () => {
  it('adds 15 minutes or an hour', () => {
    expect(clockMoveTarget('plus15Minutes', at('2026-11-23T02:00:00Z'), settings).toISOString()).toBe('2026-11-23T02:15:00.000Z');
    expect(clockMoveTarget('plus1Hour', at('2026-11-23T02:00:00Z'), settings).toISOString()).toBe('2026-11-23T03:00:00.000Z');
  });

  it('goes to the next 09:00 in the bot’s time zone, tomorrow once it is past', () => {
    // 08:00 in Shanghai → 09:00 the same day; 10:00 → 09:00 the next day.
    expect(clockMoveTarget('next0900', at('2026-11-23T00:00:00Z'), settings).toISOString()).toBe('2026-11-23T01:00:00.000Z');
    expect(clockMoveTarget('next0900', at('2026-11-23T02:00:00Z'), settings).toISOString()).toBe('2026-11-24T01:00:00.000Z');
  });

  it('goes to the 1st of next month at the monthly report’s time, across a year’s end', () => {
    expect(clockMoveTarget('nextMonth', at('2026-11-23T02:00:00Z'), settings).toISOString()).toBe('2026-12-01T01:00:00.000Z');
    // 31 December 20:00 UTC is already 1 January in Shanghai: the next 1st is February's.
    expect(clockMoveTarget('nextMonth', at('2026-12-31T20:00:00Z'), settings).toISOString()).toBe('2027-02-01T01:00:00.000Z');
    expect(clockMoveTarget('nextMonth', at('2026-12-15T02:00:00Z'), { ...settings, monthlyTime: '08:30' }).toISOString()).toBe('2027-01-01T00:30:00.000Z');
  });
});

describe('the offset clock', () => {
  it('runs with real time plus its offset and only moves forward', () => {
    let real = Date.parse('2026-11-23T02:00:00Z');
    const clock = offsetClock(() => real);
    clock.moveTo(at('2026-11-23T03:00:00Z'));
    expect(clock.now().toISOString()).toBe('2026-11-23T03:00:00.000Z');
    real += 60_000;
    expect(clock.now().toISOString()).toBe('2026-11-23T03:01:00.000Z');
    clock.moveTo(at('2026-11-23T02:30:00Z'));
    expect(clock.now().toISOString()).toBe('2026-11-23T03:01:00.000Z');
    expect(clock.offsetMillis()).toBe(3_600_000);
  });
});

// The fallback written after a Slack date token: the bot's time zone, and cheap enough
// for a list or a Home of many dates (an Intl formatter is costly to build).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fallbackTime } from '../../src/slack/kit/slack-date.ts';

afterEach(() => vi.restoreAllMocks());

describe('fallbackTime', () => {
  it('writes the instant in the given zone, with the zone named', () => {
    expect(fallbackTime(new Date('2026-11-23T02:05:00Z'), 'Asia/Shanghai')).toBe('2026-11-23 10:05 (Asia/Shanghai)');
    expect(fallbackTime(new Date('2026-11-23T00:00:00Z'), 'Europe/London')).toBe('2026-11-23 00:00 (Europe/London)');
  });

  it('builds one formatter per time zone, however many dates it writes', () => {
    fallbackTime(new Date('2026-11-23T02:05:00Z'), 'Asia/Shanghai');
    const built = vi.spyOn(Intl, 'DateTimeFormat');
    for (let minute = 0; minute < 50; minute++) fallbackTime(new Date(Date.UTC(2026, 10, 23, 2, minute)), 'Asia/Shanghai');
    expect(built).not.toHaveBeenCalled();
  });
});

// Ending a pause, as pure maths: the deadline and the ping cursor move by exactly the
// paused time, and a ping delivered before the pause does not fall due a second time.
import { describe, expect, it } from 'vitest';
import { dueSlaSteps } from '../../src/domain/tickets/sla-pings.ts';
import { pauseEnd, type PausableClock } from '../../src/domain/tickets/sla-pause.ts';

const at = (hhmm: string) => new Date(`2026-11-23T${hhmm}:00Z`);
const settings = { reminderMinutesLeft: [30, 10], overdueRepeatMinutes: 30 };
const aa = (over: Partial<PausableClock> = {}): PausableClock => ({
  id: 't',
  number: 'T-20261123-001',
  openedAt: at('10:00'),
  windowMinutes: 240,
  pausedMillis: 0n,
  pausedSince: null,
  slaPingedThrough: null,
  ...over,
});

describe('pauseEnd', () => {
  it('is null while the clock runs', () => {
    expect(pauseEnd(aa(), at('11:00'))).toBeNull();
  });

  it('adds R − A to the paused time and moves the deadline by exactly that', () => {
    const end = pauseEnd(aa({ pausedSince: at('11:00') }), at('11:45'))!;
    expect(end.pausedFor).toBe(45 * 60_000);
    expect(end.pausedMillis).toBe(45n * 60_000n);
    expect(end.restoreDeadline).toEqual(at('14:45'));
  });

  it('adds to an earlier pause', () => {
    const end = pauseEnd(aa({ pausedMillis: 30n * 60_000n, pausedSince: at('12:00') }), at('13:00'))!;
    expect(end.restoreDeadline).toEqual(at('15:30'));
  });

  it('moves the ping cursor with the deadline, so the half-time ping sent at 12:00 is not sent again at 12:30', () => {
    const ticket = aa({ pausedSince: at('12:10'), slaPingedThrough: at('12:00') });
    const end = pauseEnd(ticket, at('12:40'))!;
    expect(end.slaPingedThrough).toEqual(at('12:30'));
    const plan = { openedAt: ticket.openedAt, windowMinutes: 240, deadline: end.restoreDeadline };
    expect(dueSlaSteps(plan, settings, end.slaPingedThrough, at('12:40'))).toEqual([]);
    expect(dueSlaSteps(plan, settings, end.slaPingedThrough, at('14:00')).map((s) => [s.kind, s.at])).toEqual([['left', at('14:00')]]);
  });
});

describe('durationText', () => {
  it('rounds the time left down: 1 h 59 min 20 s is 1 h 59 min, never 2 h 0 min', async () => {
    const { durationText } = await import('../../src/slack/tickets/ticket-words.ts');
    const millis = ((1 * 60 + 59) * 60 + 20) * 1000;
    expect(durationText('en', millis)).toBe('1 h 59 min');
    expect(durationText('zh-CN', millis)).toBe('1 小时 59 分钟');
    expect(durationText('en', millis + 20_000)).toBe('1 h 59 min');
    expect(durationText('en', 59_999)).toBe('0 h 0 min');
    expect(durationText('en', -5_000)).toBe('0 h 0 min');
  });
});

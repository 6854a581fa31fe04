// The one masking rule (PIPL), and the live-tracking reminder maths at exact instants.
import { describe, expect, it } from 'vitest';
import { maskNumber, maskOptional } from '../../../src/domain/privacy/mask-number.ts';
import { informReminderDue, isLiveTracked, isLiveTrackedCustomer, minutesSince } from '../../../src/domain/tickets/live-tracking.ts';

describe('maskNumber', () => {
  it('keeps the first three and last four digits of a mobile number', () => {
    expect(maskNumber('13800138000')).toBe('138****8000');
    expect(maskNumber('138 0013 8000')).toBe('138****8000');
    expect(maskNumber('13912345678')).toBe('139****5678');
  });

  it('masks landlines too, and shorter numbers keep less', () => {
    expect(maskNumber('01062345678')).toBe('010****5678');
    expect(maskNumber('010-6234567')).toBe('01****67');
  });

  it('leaves codes that are not numbers (a customer code), and keeps empty optionals empty', () => {
    expect(maskNumber('C0004')).toBe('C0004');
    expect(maskOptional(null)).toBeNull();
    expect(maskOptional(undefined)).toBeUndefined();
    expect(maskOptional('13800138000')).toBe('138****8000');
  });
});

describe('live tracking (介入制)', () => {
  const settings = (includeAAA: boolean) => ({ liveTracking: { includeAAA, informMinutes: 30 } });
  const diamond = { customer: { cardTier: 'diamond', serviceLevel: null } };
  const aaaGroup = { customer: { cardTier: null, serviceLevel: 'AAA' } };

  it('tracks diamond customers always, AAA ones when configured, and only open tickets', () => {
    expect(isLiveTrackedCustomer(diamond, settings(false))).toBe(true);
    expect(isLiveTrackedCustomer(aaaGroup, settings(false))).toBe(false);
    expect(isLiveTrackedCustomer(aaaGroup, settings(true))).toBe(true);
    expect(isLiveTracked({ ...diamond, status: 'on_site' }, settings(false))).toBe(true);
    expect(isLiveTracked({ ...diamond, status: 'restored' }, settings(false))).toBe(false);
  });

  it('reminds once per 30 silent minutes, at the exact minute, keyed by the silence it is about', () => {
    const since = new Date('2026-11-23T02:20:00Z');
    expect(informReminderDue(since, new Date('2026-11-23T02:49:59Z'), 30)).toMatchObject({ key: null, next: new Date('2026-11-23T02:50:00Z') });
    expect(informReminderDue(since, new Date('2026-11-23T02:50:00Z'), 30)).toEqual({ key: 'inform_reminder:2026-11-23T02:20:00.000Z:1', silentMinutes: 30, next: new Date('2026-11-23T03:20:00Z') });
    expect(informReminderDue(since, new Date('2026-11-23T03:35:00Z'), 30)).toEqual({ key: 'inform_reminder:2026-11-23T02:20:00.000Z:2', silentMinutes: 60, next: new Date('2026-11-23T03:50:00Z') });
    expect(minutesSince(since, new Date('2026-11-23T02:32:59Z'))).toBe(12);
  });
});

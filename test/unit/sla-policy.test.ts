// The SLA policy: the matrix, the VIP mapping and the deadline, as pure functions.
import { describe, expect, it } from 'vitest';
import { restoreDeadline, restoreHours, restoreWindowMinutes, serviceLevelFor, serviceLevelOfCardTier } from '../../src/domain/tickets/sla-policy.ts';
import { ticketDay } from '../../src/domain/tickets/ticket-number.ts';

describe('restore-time matrix', () => {
  it.each([
    ['AAA', 'within_province', 2],
    ['AA', 'within_province', 4],
    ['A', 'within_province', 6],
    ['standard', 'within_province', 8],
    ['AAA', 'across_provinces', 4],
    ['AA', 'across_provinces', 5],
    ['A', 'across_provinces', 6],
    ['standard', 'across_provinces', 8],
  ] as const)('%s %s: %i hours', (level, scope, hours) => {
    expect(restoreHours[scope][level]).toBe(hours);
    expect(restoreWindowMinutes(level, scope)).toBe(hours * 60);
  });
});

describe('service level of a customer', () => {
  it('takes a group customer’s own level', () => {
    expect(serviceLevelFor({ kind: 'group', serviceLevel: 'AA', cardTier: null })).toBe('AA');
  });
  it('maps a VIP card tier through the policy: diamond → AAA, gold → AA, silver → A', () => {
    expect(serviceLevelOfCardTier).toEqual({ diamond: 'AAA', gold: 'AA', silver: 'A' });
    expect(serviceLevelFor({ kind: 'vip', serviceLevel: null, cardTier: 'diamond' })).toBe('AAA');
    expect(serviceLevelFor({ kind: 'vip', serviceLevel: null, cardTier: 'gold' })).toBe('AA');
    expect(serviceLevelFor({ kind: 'vip', serviceLevel: null, cardTier: 'silver' })).toBe('A');
  });
  it('serves everyone else at the standard level', () => {
    expect(serviceLevelFor({ kind: 'strategic', serviceLevel: null, cardTier: null })).toBe('standard');
  });
});

describe('restore deadline', () => {
  const openedAt = new Date('2026-11-23T02:00:00Z');
  it('is the opening plus the window', () => {
    expect(restoreDeadline({ openedAt, windowMinutes: 120, pausedMillis: 0 }).toISOString()).toBe('2026-11-23T04:00:00.000Z');
  });
  it('moves by the time the clock stood paused', () => {
    expect(restoreDeadline({ openedAt, windowMinutes: 120, pausedMillis: 45 * 60_000 }).toISOString()).toBe('2026-11-23T04:45:00.000Z');
  });
});

describe('ticket number day', () => {
  it('counts days in the bot’s time zone, not UTC', () => {
    const lateUtc = new Date('2026-11-23T17:30:00Z'); // 01:30 on the 24th in Shanghai
    expect(ticketDay(lateUtc, 'Asia/Shanghai')).toBe('20261124');
    expect(ticketDay(lateUtc, 'UTC')).toBe('20261123');
    expect(ticketDay(lateUtc, 'America/Los_Angeles')).toBe('20261123');
  });
});

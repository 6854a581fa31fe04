// The pure approval rules: how many approvers, and what the deadline timer does when.
import { describe, expect, it } from 'vitest';
import { approvalDeadlines, deadlineStep, requiredApprovals } from '../../src/domain/approvals/approval-policy.ts';
import { minutes } from '../support/test-clock.ts';

describe('requiredApprovals', () => {
  it('asks for two approvers only above the threshold', () => {
    expect(requiredApprovals(3000, 3000)).toBe(1);
    expect(requiredApprovals(3001, 3000)).toBe(2);
    expect(requiredApprovals(0, 0)).toBe(1);
  });

  it('asks for one when there is no value or no threshold', () => {
    expect(requiredApprovals(null, 3000)).toBe(1);
    expect(requiredApprovals(99_999, null)).toBe(1);
    expect(requiredApprovals(99_999, undefined)).toBe(1);
  });
});

describe('deadlineStep', () => {
  const created = new Date('2026-11-23T02:00:00Z');
  const { remindAt, expiresAt } = approvalDeadlines(created, { remindAfterMinutes: 240, expireAfterMinutes: 1440 });
  const pending = { status: 'pending', remindAt, expiresAt, remindedAt: null };
  const at = (ms: number) => new Date(created.getTime() + ms);

  it('puts the reminder and the expiry at the configured distances', () => {
    expect(remindAt.toISOString()).toBe('2026-11-23T06:00:00.000Z');
    expect(expiresAt.toISOString()).toBe('2026-11-24T02:00:00.000Z');
  });

  it('does nothing a millisecond before the reminder, and reminds at the exact instant', () => {
    expect(deadlineStep(pending, at(minutes(240) - 1))).toEqual({ action: 'none', next: remindAt });
    expect(deadlineStep(pending, at(minutes(240)))).toEqual({ action: 'remind', next: expiresAt });
  });

  it('reminds once: after the stamp it waits for the expiry', () => {
    const reminded = { ...pending, remindedAt: remindAt };
    expect(deadlineStep(reminded, at(minutes(600)))).toEqual({ action: 'none', next: expiresAt });
    expect(deadlineStep(reminded, at(minutes(1440) - 1))).toEqual({ action: 'none', next: expiresAt });
    expect(deadlineStep(reminded, at(minutes(1440)))).toEqual({ action: 'expire', next: null });
  });

  it('expires without a late reminder when the bot was down past the expiry', () => {
    expect(deadlineStep(pending, at(minutes(3000)))).toEqual({ action: 'expire', next: null });
  });

  it('stops for a request that is no longer pending', () => {
    for (const status of ['approved', 'rejected', 'expired']) {
      expect(deadlineStep({ ...pending, status }, at(minutes(240)))).toEqual({ action: 'none', next: null });
    }
  });
});

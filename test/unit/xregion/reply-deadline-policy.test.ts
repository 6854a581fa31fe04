// The reply-deadline policy and the deadline steps, at exact instants and boundaries.
import { describe, expect, it } from 'vitest';
import { dueDeadlineStep, firstDeadlineWakeUp, reminderDueAt, replyDeadline, replyLateBy, type DeadlineState } from '../../../src/domain/xregion/reply-deadline-policy.ts';
import { replyLateness } from '../../../src/slack/xregion/format.ts';

const policy = { replyHours: { diamond: 4, gold: 8, silver: 24, other: 12 }, reminderLeadMinutes: 60 };
const openedAt = new Date('2026-11-23T02:00:00Z');
const at = (iso: string) => new Date(iso);

describe('replyDeadline', () => {
  it('gives each card tier its configured hours and everyone else the default', () => {
    expect(replyDeadline(openedAt, 'diamond', policy).toISOString()).toBe('2026-11-23T06:00:00.000Z');
    expect(replyDeadline(openedAt, 'gold', policy).toISOString()).toBe('2026-11-23T10:00:00.000Z');
    expect(replyDeadline(openedAt, 'silver', policy).toISOString()).toBe('2026-11-24T02:00:00.000Z');
    expect(replyDeadline(openedAt, null, policy).toISOString()).toBe('2026-11-23T14:00:00.000Z');
    expect(replyDeadline(openedAt, 'diamond', { ...policy, replyHours: { ...policy.replyHours, diamond: 1.5 } }).toISOString()).toBe('2026-11-23T03:30:00.000Z');
  });
});

describe('reminderDueAt', () => {
  it('is the lead before the deadline, or nothing when the lead covers the whole window', () => {
    const deadline = at('2026-11-23T06:00:00Z');
    expect(reminderDueAt(openedAt, deadline, 60)!.toISOString()).toBe('2026-11-23T05:00:00.000Z');
    expect(reminderDueAt(openedAt, deadline, 240)).toBeNull();
    expect(reminderDueAt(openedAt, deadline, 239)!.toISOString()).toBe('2026-11-23T02:01:00.000Z');
    expect(firstDeadlineWakeUp(openedAt, deadline, 240).toISOString()).toBe('2026-11-23T06:00:00.000Z');
  });
});

describe('dueDeadlineStep', () => {
  const state: DeadlineState = { openedAt, deadline: at('2026-11-23T06:00:00Z'), reminderLeadMinutes: 60, reminderSentAt: null, breachSentAt: null };

  it('sends nothing a millisecond before the reminder, and wakes up at it', () => {
    expect(dueDeadlineStep(state, at('2026-11-23T04:59:59.999Z'))).toEqual({ step: null, next: at('2026-11-23T05:00:00Z') });
  });

  it('reminds exactly at deadline minus the lead, then waits for the deadline', () => {
    expect(dueDeadlineStep(state, at('2026-11-23T05:00:00.000Z'))).toEqual({ step: 'reminder', next: at('2026-11-23T06:00:00Z') });
  });

  it('does not remind twice', () => {
    const reminded = { ...state, reminderSentAt: at('2026-11-23T05:00:00Z') };
    expect(dueDeadlineStep(reminded, at('2026-11-23T05:30:00Z'))).toEqual({ step: null, next: at('2026-11-23T06:00:00Z') });
    expect(dueDeadlineStep(reminded, at('2026-11-23T05:59:59.999Z')).step).toBeNull();
  });

  it('breaches exactly at the deadline and then never again', () => {
    const reminded = { ...state, reminderSentAt: at('2026-11-23T05:00:00Z') };
    expect(dueDeadlineStep(reminded, at('2026-11-23T06:00:00.000Z'))).toEqual({ step: 'breach', next: null });
    expect(dueDeadlineStep({ ...reminded, breachSentAt: at('2026-11-23T06:00:00Z') }, at('2026-11-24T00:00:00Z'))).toEqual({ step: null, next: null });
  });

  it('folds a missed reminder into the breach when the deadline has already passed', () => {
    expect(dueDeadlineStep(state, at('2026-11-23T07:30:00Z'))).toEqual({ step: 'breach', next: null });
  });

  it('goes straight to the breach when there is no room for a reminder', () => {
    const short = { ...state, reminderLeadMinutes: 240 };
    expect(dueDeadlineStep(short, at('2026-11-23T05:00:00Z'))).toEqual({ step: null, next: at('2026-11-23T06:00:00Z') });
  });
});

describe('replyLateBy and how it reads', () => {
  const deadline = new Date('2026-11-23T10:00:00Z');
  const replied = (iso: string) => ({ status: 'replied', replyDeadline: deadline, closedAt: new Date(iso) });

  it('is nothing for a reply in time (the deadline instant included) or a request not replied', () => {
    expect(replyLateBy(replied('2026-11-23T09:59:00Z'))).toBeNull();
    expect(replyLateBy(replied('2026-11-23T10:00:00Z'))).toBeNull();
    expect(replyLateBy({ status: 'rejected', replyDeadline: deadline, closedAt: new Date('2026-11-24T10:00:00Z') })).toBeNull();
    expect(replyLateBy({ status: 'accepted', replyDeadline: deadline, closedAt: null })).toBeNull();
  });

  it('reads in minutes, hours and days, a started minute counting', () => {
    const late = (iso: string, locale: 'en' | 'zh-CN' = 'en') => replyLateness(locale, replied(iso));
    expect(late('2026-11-23T10:00:20Z')).toBe('1 min');
    expect(late('2026-11-23T10:31:00Z')).toBe('31 min');
    expect(late('2026-11-23T10:31:00Z', 'zh-CN')).toBe('31 分钟');
    expect(late('2026-11-23T12:00:00Z')).toBe('2 h');
    expect(late('2026-11-23T12:05:00Z', 'zh-CN')).toBe('2 小时 5 分钟');
    expect(late('2026-11-24T11:30:00Z')).toBe('1 d 1 h');
    expect(late('2026-11-27T10:00:00Z', 'zh-CN')).toBe('4 天');
  });
});

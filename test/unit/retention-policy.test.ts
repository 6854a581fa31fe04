// Authority by grade, follow-up instants and month boundaries in two time zones, and the
// configuration that feeds them.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { instantAt, localDateOf, monthBounds } from '../../src/domain/local-time.ts';
import { followUpDueAt, offerAuthority, offerNeedsApproval } from '../../src/domain/retention/retention-policy.ts';

const authority = { junior: 200, mid: 500, senior: 1000, star: 2000 };

describe('offer authority', () => {
  it('goes by grade, junior < mid < senior < star', () => {
    expect(offerAuthority({ role: 'account_manager', grade: 'junior' }, authority)).toBe(200);
    expect(offerAuthority({ role: 'account_manager', grade: 'mid' }, authority)).toBe(500);
    expect(offerAuthority({ role: 'account_manager', grade: 'senior' }, authority)).toBe(1000);
    expect(offerAuthority({ role: 'account_manager', grade: 'star' }, authority)).toBe(2000);
  });

  it('treats a manager without a grade as junior and a supervisor without one as star', () => {
    expect(offerAuthority({ role: 'account_manager', grade: null }, authority)).toBe(200);
    expect(offerAuthority({ role: 'supervisor', grade: null }, authority)).toBe(2000);
  });

  it('needs approval only above the authority', () => {
    expect(offerNeedsApproval(1000, 1000)).toBe(false);
    expect(offerNeedsApproval(1001, 1000)).toBe(true);
  });
});

describe('follow-up instants', () => {
  it('is 09:00 on the date where the manager is', () => {
    expect(followUpDueAt('2026-11-25', 'Asia/Shanghai', 9).toISOString()).toBe('2026-11-25T01:00:00.000Z');
    expect(followUpDueAt('2026-11-25', 'Europe/London', 9).toISOString()).toBe('2026-11-25T09:00:00.000Z');
  });

  it('follows daylight saving time (London in summer is UTC+1)', () => {
    expect(followUpDueAt('2026-07-01', 'Europe/London', 9).toISOString()).toBe('2026-07-01T08:00:00.000Z');
    // The day the clocks go forward (29 March 2026, 01:00 → 02:00).
    expect(instantAt('2026-03-29', '09:00', 'Europe/London').toISOString()).toBe('2026-03-29T08:00:00.000Z');
    expect(instantAt('2026-03-28', '09:00', 'Europe/London').toISOString()).toBe('2026-03-28T09:00:00.000Z');
  });

  it('reads the calendar date of an instant in a zone', () => {
    expect(localDateOf(new Date('2026-11-30T16:30:00Z'), 'Asia/Shanghai')).toBe('2026-12-01');
    expect(localDateOf(new Date('2026-11-30T16:30:00Z'), 'Europe/London')).toBe('2026-11-30');
  });
});

describe('month bounds', () => {
  it('are local midnights, including across a year end', () => {
    expect(monthBounds('2026-11', 'Asia/Shanghai')).toEqual({
      start: new Date('2026-10-31T16:00:00Z'),
      end: new Date('2026-11-30T16:00:00Z'),
      previous: '2026-10',
    });
    const january = monthBounds('2027-01', 'Europe/London');
    expect(january.start.toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(january.previous).toBe('2026-12');
    expect(monthBounds('2026-12', 'Asia/Shanghai').end.toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });
});

describe('retention configuration', () => {
  const base = { SLACK_BOT_TOKEN: 'xoxb-x', SLACK_SIGNING_SECRET: 's' };

  it('has sensible defaults', () => {
    const config = loadConfig(base);
    expect(config.retention.authorityByGrade).toEqual(authority);
    expect(config.retention.twoApproversAbove).toBe(3000);
    expect(config.approvals).toEqual({ remindAfterMinutes: 240, expireAfterMinutes: 1440 });
    expect(config.retention.offers.map((o) => o.code)).toContain('none');
  });

  it('reads authority by grade and refuses one that shrinks with seniority', () => {
    expect(loadConfig({ ...base, RETENTION_AUTHORITY: 'junior:100,mid:300,senior:900,star:5000' }).retention.authorityByGrade.star).toBe(5000);
    expect(() => loadConfig({ ...base, RETENTION_AUTHORITY: 'junior:900,mid:300,senior:900,star:5000' })).toThrow(/RETENTION_AUTHORITY must not give a higher grade less authority/);
    expect(() => loadConfig({ ...base, RETENTION_AUTHORITY: 'junior:100' })).toThrow(/RETENTION_AUTHORITY needs a whole number of yuan for mid, senior, star/);
  });

  it('takes an offer catalogue as JSON and refuses a broken one', () => {
    const offers = [{ code: 'gift', value: 80, name: { en: 'Gift', 'zh-CN': '礼品' } }];
    expect(loadConfig({ ...base, RETENTION_OFFERS: JSON.stringify(offers) }).retention.offers).toEqual(offers);
    expect(() => loadConfig({ ...base, RETENTION_OFFERS: '[{"code":"x"}]' })).toThrow(/RETENTION_OFFERS is not a valid offer catalogue/);
    expect(() => loadConfig({ ...base, RETENTION_OFFERS: 'not json' })).toThrow(/RETENTION_OFFERS must be a JSON array/);
  });

  it('refuses an expiry that comes before the reminder', () => {
    expect(() => loadConfig({ ...base, APPROVAL_REMIND_AFTER_MINUTES: '60', APPROVAL_EXPIRE_AFTER_MINUTES: '30' })).toThrow(/APPROVAL_EXPIRE_AFTER_MINUTES must be longer/);
  });
});

// Pure rules of the care callback (who is owed one, how a score reads) and of activity
// plans' working-day deadlines on the work calendar.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { statutoryYears } from '../../src/domain/calendar/statutory-days.ts';
import { workCalendar } from '../../src/domain/calendar/work-calendar.ts';
import { owesCareCallback, satisfactionOf } from '../../src/domain/care/care-callback-policy.ts';
import { planAnswerDeadlines, planReportDates } from '../../src/domain/plans/plan-deadlines.ts';

const tiers = loadConfig({}).care.callbackTiers;

describe('care callbacks', () => {
  it('are owed for diamond cards and AAA/AA tickets by default, configurable', () => {
    expect(tiers).toEqual(['diamond', 'AAA', 'AA']);
    expect(owesCareCallback({ serviceLevel: 'standard', customer: { cardTier: 'diamond' } }, tiers)).toBe(true);
    expect(owesCareCallback({ serviceLevel: 'AA', customer: { cardTier: null } }, tiers)).toBe(true);
    expect(owesCareCallback({ serviceLevel: 'A', customer: { cardTier: null } }, tiers)).toBe(false);
    expect(owesCareCallback({ serviceLevel: 'standard', customer: { cardTier: 'gold' } }, tiers)).toBe(false);
    expect(owesCareCallback({ serviceLevel: 'standard', customer: { cardTier: 'gold' } }, loadConfig({ CARE_CALLBACK_TIERS: 'diamond,gold' }).care.callbackTiers)).toBe(true);
    expect(() => loadConfig({ CARE_CALLBACK_TIERS: 'platinum' })).toThrow(/CARE_CALLBACK_TIERS/);
  });

  it('read a 1–5 score as satisfied, neutral or dissatisfied', () => {
    expect([1, 2, 3, 4, 5].map(satisfactionOf)).toEqual(['dissatisfied', 'dissatisfied', 'neutral', 'satisfied', 'satisfied']);
  });
});

describe('activity plan deadlines', () => {
  const years = statutoryYears();
  const calendar = workCalendar({ regularWeek: [1, 2, 3, 4, 5], years: years.keys(), days: [...years.values()].flat().map((e) => [e.date, e.kind] as const) });
  const hours = { timeZone: 'Asia/Shanghai', workingHours: loadConfig({}).workingHours };

  it('count the answer across Spring Festival', () => {
    // Submitted Friday 13 February 2026; Spring Festival 15–23 February, Saturday 14 and 28 are make-up days.
    expect(planAnswerDeadlines(calendar, new Date('2026-02-13T02:00:00Z'), 1, hours)).toEqual({
      remindAt: new Date('2026-02-14T01:00:00Z'),
      expiresAt: new Date('2026-02-14T10:00:00Z'),
    });
    expect(planAnswerDeadlines(calendar, new Date('2026-02-13T02:00:00Z'), 2, hours).remindAt).toEqual(new Date('2026-02-24T01:00:00Z'));
  });

  it('ask for the report at the end of the event day, due N working days later', () => {
    expect(planReportDates(calendar, '2026-09-30', 2, hours)).toEqual({ askAt: new Date('2026-09-30T10:00:00Z'), dueOn: '2026-10-09', dueAt: new Date('2026-10-09T10:00:00Z') });
  });

  it('read WORK_HOURS', () => {
    expect(loadConfig({ WORK_HOURS: '08:30-17:30' }).workingHours).toEqual({ start: '08:30', end: '17:30' });
    expect(() => loadConfig({ WORK_HOURS: '18:00-09:00' })).toThrow(/WORK_HOURS/);
  });
});

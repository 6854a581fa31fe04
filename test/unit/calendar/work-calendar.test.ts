// The work calendar: China's holidays and make-up days (from the chinese-days package,
// as the bot seeds them), what the digest, the weekly summary and due dates make of
// them, and the fallback to the regular week for a year without data.
import { describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import { statutoryYears } from '../../../src/domain/calendar/statutory-days.ts';
import {
  addWorkingDays,
  addWorkingHours,
  isWorkingDay,
  moveDueDate,
  workCalendar,
  type WorkCalendar,
} from '../../../src/domain/calendar/work-calendar.ts';
import { addDays } from '../../../src/domain/local-time.ts';
import { nextContactDue, defaultFollowUpPolicy, type FollowUpFacts } from '../../../src/domain/visits/follow-up-policy.ts';
import { digestSchedule, nextReminderAt, reminderDayDue, weeklySummarySchedule } from '../../../src/domain/visits/reminder-schedule.ts';

const settings = loadConfig({}).visits;
const weekdays = [1, 2, 3, 4, 5] as const;

/** The calendar the bot seeds from the package, for the years it covers. */
function packageCalendar(onMissingYear: (year: number) => void = () => {}): WorkCalendar {
  const years = statutoryYears();
  return workCalendar({
    regularWeek: weekdays,
    years: years.keys(),
    days: [...years.values()].flat().map((e) => [e.date, e.kind] as const),
    onMissingYear,
  });
}

describe('working days', () => {
  const calendar = packageCalendar();

  it('counts a make-up Saturday as a working day and a holiday Monday as none', () => {
    // 2026: National Day 1–7 October, made up on Sunday 20 September and Saturday 10 October.
    expect(isWorkingDay(calendar, '2026-10-10')).toBe(true);
    expect(isWorkingDay(calendar, '2026-09-20')).toBe(true);
    expect(isWorkingDay(calendar, '2026-10-05')).toBe(false); // a Monday
    expect(isWorkingDay(calendar, '2026-02-16')).toBe(false); // Spring Festival, a Monday
    expect(isWorkingDay(calendar, '2026-10-17')).toBe(false); // an ordinary Saturday
    expect(isWorkingDay(calendar, '2026-10-08')).toBe(true); // an ordinary Thursday
  });

  it('counts deadlines in working days across the holiday', () => {
    // Submitted on Wednesday 30 September: the 1st working day after is Thursday 8 October.
    expect(addWorkingDays(calendar, '2026-09-30', 1)).toBe('2026-10-08');
    expect(addWorkingDays(calendar, '2026-09-30', 3)).toBe('2026-10-10');
    expect(addWorkingDays(calendar, '2026-11-20', 1)).toBe('2026-11-23');
  });

  it('counts working hours only inside working hours of working days', () => {
    const hours = { timeZone: 'Asia/Shanghai', workingHours: { start: '09:00', end: '18:00' } };
    // Restored at 16:00 Beijing on Wednesday 30 September; 4 working hours: 2 that day, 2 on 8 October.
    expect(addWorkingHours(calendar, new Date('2026-09-30T08:00:00Z'), 4, hours).toISOString()).toBe('2026-10-08T03:00:00.000Z');
    // Restored at night: the hours start at 09:00 the next working day.
    expect(addWorkingHours(calendar, new Date('2026-11-24T15:00:00Z'), 4, hours).toISOString()).toBe('2026-11-25T05:00:00.000Z');
  });
});

describe('the digest and the weekly summary', () => {
  const calendar = packageCalendar();
  const digest = digestSchedule(settings, 'Asia/Shanghai', calendar);

  it('skips the National Day week and comes on the make-up Saturday', () => {
    const sent: string[] = [];
    let at = new Date('2026-09-30T02:00:00Z'); // Wednesday 30 September, 10:00 Beijing
    for (let i = 0; i < 4; i++) {
      at = nextReminderAt(at, digest);
      sent.push(at.toISOString());
    }
    expect(sent).toEqual(['2026-10-08T01:00:00.000Z', '2026-10-09T01:00:00.000Z', '2026-10-10T01:00:00.000Z', '2026-10-12T01:00:00.000Z']);
    expect(reminderDayDue(new Date('2026-10-05T02:00:00Z'), digest)).toBeNull();
    expect(reminderDayDue(new Date('2026-10-10T02:00:00Z'), digest)).toBe('2026-10-10');
  });

  it('moves the weekly summary off a holiday Monday to the first working day of that week', () => {
    const weekly = weeklySummarySchedule(settings, 'Asia/Shanghai', calendar);
    // Monday 5 October is National Day: the summary comes on Thursday 8 October.
    expect(nextReminderAt(new Date('2026-09-28T02:00:00Z'), weekly).toISOString()).toBe('2026-10-08T01:00:00.000Z');
    expect(nextReminderAt(new Date('2026-10-08T02:00:00Z'), weekly).toISOString()).toBe('2026-10-12T01:00:00.000Z');
  });
});

describe('due dates on a day off', () => {
  const calendar = packageCalendar();
  const facts: FollowUpFacts = { kind: 'vip', cardTier: 'diamond', serviceLevel: null, joinedOn: null, knownSinceOn: '2026-01-01', lastContactOn: '2026-09-17', promisedOn: null };

  it('move to the next working day, the one before, or stay, as configured', () => {
    // 14 days after 17 September is 1 October, National Day.
    expect(nextContactDue(facts, defaultFollowUpPolicy).dueOn).toBe('2026-10-01');
    expect(nextContactDue(facts, { ...defaultFollowUpPolicy, dueOnHoliday: 'next' }, calendar).dueOn).toBe('2026-10-08');
    expect(nextContactDue(facts, { ...defaultFollowUpPolicy, dueOnHoliday: 'previous' }, calendar).dueOn).toBe('2026-09-30');
    expect(nextContactDue(facts, { ...defaultFollowUpPolicy, dueOnHoliday: 'keep' }, calendar).dueOn).toBe('2026-10-01');
    expect(moveDueDate(calendar, '2026-10-10', 'next')).toBe('2026-10-10');
    // An ordinary Sunday is no holiday: it stays.
    expect(moveDueDate(calendar, '2026-11-29', 'next')).toBe('2026-11-29');
    // Spring Festival 15–23 February 2026: the next working day is Tuesday 24 February.
    expect(moveDueDate(calendar, '2026-02-17', 'next')).toBe('2026-02-24');
  });

  it('reads VISIT_DUE_ON_HOLIDAY (default: the next working day)', () => {
    expect(loadConfig({}).visits.policy.dueOnHoliday).toBe('next');
    expect(loadConfig({ VISIT_DUE_ON_HOLIDAY: 'keep' }).visits.policy.dueOnHoliday).toBe('keep');
    expect(() => loadConfig({ VISIT_DUE_ON_HOLIDAY: 'later' })).toThrow(/VISIT_DUE_ON_HOLIDAY must be next, previous or keep/);
  });
});

describe('a year without a calendar', () => {
  it('falls back to the regular week and warns once for that year', () => {
    const warn = vi.fn();
    const calendar = packageCalendar(warn);
    const missing = Math.max(...statutoryYears().keys()) + 1;
    const monday = [...Array(7).keys()].map((i) => addDays(`${missing}-10-01`, i)).find((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 1)!;
    expect(isWorkingDay(calendar, monday)).toBe(true);
    expect(isWorkingDay(calendar, addDays(monday, 5))).toBe(false);
    expect(isWorkingDay(calendar, addDays(monday, 1))).toBe(true);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith(missing);
    isWorkingDay(calendar, '2026-10-05');
    expect(warn).toHaveBeenCalledTimes(1);
  });
});

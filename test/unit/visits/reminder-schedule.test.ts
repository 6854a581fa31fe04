// When the digest and the weekly summary are due, from the recipient's own clock.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import { digestSchedule, nextReminderAt, reminderDayDue, weeklySummarySchedule } from '../../../src/domain/visits/reminder-schedule.ts';
import { parsePeriod } from '../../../src/domain/visits/visit-period.ts';
import { parseQuickVisit } from '../../../handlers/visits/command/quick-log.ts';
import { typedText } from '../../../src/slack/kit/mrkdwn.ts';

const settings = loadConfig({}).visits;
const at = (iso: string) => new Date(iso);

describe('reminderDayDue', () => {
  const shanghai = digestSchedule(settings, 'Asia/Shanghai');

  it('is today from 09:00 local on a working day, also hours late (a catch-up after downtime)', () => {
    expect(reminderDayDue(at('2026-11-23T00:59:59Z'), shanghai)).toBeNull();
    expect(reminderDayDue(at('2026-11-23T01:00:00Z'), shanghai)).toBe('2026-11-23');
    expect(reminderDayDue(at('2026-11-23T14:00:00Z'), shanghai)).toBe('2026-11-23');
  });

  it('is never on a weekend day unless configured', () => {
    expect(reminderDayDue(at('2026-11-28T02:00:00Z'), shanghai)).toBeNull();
    const sixDays = loadConfig({ VISIT_WORKING_DAYS: 'mon,tue,wed,thu,fri,sat' }).visits;
    expect(reminderDayDue(at('2026-11-28T02:00:00Z'), digestSchedule(sixDays, 'Asia/Shanghai'))).toBe('2026-11-28');
  });

  it('is the weekly summary on Monday at 09:00 local only', () => {
    const berlin = weeklySummarySchedule(settings, 'Europe/Berlin');
    expect(reminderDayDue(at('2026-11-23T08:00:00Z'), berlin)).toBe('2026-11-23');
    expect(reminderDayDue(at('2026-11-24T08:00:00Z'), berlin)).toBeNull();
    expect(nextReminderAt(at('2026-11-23T08:00:00Z'), berlin).toISOString()).toBe('2026-11-30T08:00:00.000Z');
  });

  it('honours a configured digest time', () => {
    const early = loadConfig({ VISIT_DIGEST_TIME: '08:30' }).visits;
    expect(nextReminderAt(at('2026-11-23T00:00:00Z'), digestSchedule(early, 'Asia/Shanghai')).toISOString()).toBe('2026-11-23T00:30:00.000Z');
  });
});

describe('the quick form', () => {
  it('reads a code, a Chinese name or a several-word Latin name, then the kind, then the summary', () => {
    expect(parseQuickVisit('C0001 phone Called about the new private line')).toEqual({ customer: 'C0001', kind: 'phone', summary: 'Called about the new private line' });
    expect(parseQuickVisit('周文华 电话 沟通续约事宜')).toEqual({ customer: '周文华', kind: 'phone', summary: '沟通续约事宜' });
    expect(parseQuickVisit(typedText('Shanghai Harbour Logistics onsite Met the IT director &amp; CFO'))).toEqual({
      customer: 'Shanghai Harbour Logistics',
      kind: 'on_site',
      summary: 'Met the IT director & CFO',
    });
  });

  it('reads a Chinese kind word written together with the note, as people type Chinese', () => {
    expect(parseQuickVisit('周文华 电话沟通续约')).toEqual({ customer: '周文华', kind: 'phone', summary: '沟通续约' });
    expect(parseQuickVisit('周文华 上门：了解宽带需求')).toEqual({ customer: '周文华', kind: 'on_site', summary: '了解宽带需求' });
    expect(parseQuickVisit('li na 回访满意度调查')).toEqual({ customer: 'li na', kind: 'callback_survey', summary: '满意度调查' });
    // A separate kind word still comes first; a Latin kind word is never cut off a word.
    expect(parseQuickVisit('C0001 phone 电话沟通')).toEqual({ customer: 'C0001', kind: 'phone', summary: '电话沟通' });
    expect(parseQuickVisit('C0001 phoned them')).toBeNull();
    expect(parseQuickVisit('周文华 电话')).toBeNull();
  });

  it('needs a kind and a summary', () => {
    expect(parseQuickVisit('C0001 Called about the line')).toBeNull();
    expect(parseQuickVisit('C0001 phone')).toBeNull();
    expect(parseQuickVisit('phone C0001 x')).toBeNull();
  });
});

describe('periods', () => {
  it('reads days, months and ranges', () => {
    expect(parsePeriod('7d', '2026-11-23')).toEqual({ from: '2026-11-17', to: '2026-11-23' });
    expect(parsePeriod('2026-12', '2026-11-23')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(parsePeriod('2028-02', '2026-11-23')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(parsePeriod('2026-11-01..2026-11-15', '2026-11-23')).toEqual({ from: '2026-11-01', to: '2026-11-15' });
    expect(parsePeriod('2026-11-15..2026-11-01', '2026-11-23')).toBeNull();
    expect(parsePeriod('2026-13', '2026-11-23')).toBeNull();
  });
});

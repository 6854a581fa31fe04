// The dates of an activity plan, counted on the work calendar. Pure.
// • Answer: within N working days of the submission — the supervisors are reminded at
//   the start of the N-th working day (WORK_HOURS) and the request expires at its end.
// • Report: by the end of the N-th working day after the event; the manager is asked
//   for it at the end of the event day.
import { addWorkingDays, type WorkCalendar, type WorkingHours } from '../calendar/work-calendar.ts';
import { instantAt, localDateOf, type LocalDate } from '../local-time.ts';

type Hours = { timeZone: string; workingHours: WorkingHours };

export function planAnswerDeadlines(calendar: WorkCalendar, submittedAt: Date, days: number, hours: Hours): { remindAt: Date; expiresAt: Date } {
  const day = addWorkingDays(calendar, localDateOf(submittedAt, hours.timeZone), days);
  return { remindAt: instantAt(day, hours.workingHours.start, hours.timeZone), expiresAt: instantAt(day, hours.workingHours.end, hours.timeZone) };
}

export function planReportDates(calendar: WorkCalendar, eventOn: LocalDate, days: number, hours: Hours): { askAt: Date; dueOn: LocalDate; dueAt: Date } {
  const dueOn = addWorkingDays(calendar, eventOn, days);
  return { askAt: instantAt(eventOn, hours.workingHours.end, hours.timeZone), dueOn, dueAt: instantAt(dueOn, hours.workingHours.end, hours.timeZone) };
}

// Makes sure every account manager has a pending digest timer and every supervisor
// with a region a pending weekly-summary timer. Run by cron; it only fills gaps (new
// staff, a cancelled timer, a fresh start), so running it often, or in two processes,
// is harmless. A gap found after today's time (the job runs every five minutes, so a
// bot started at 08:58 first looks at 09:00:00) is due at once if today's reminder has
// not gone out yet; otherwise at the next time.
import type { Db } from '../../db/client.ts';
import { toDbDate } from '../local-time.ts';
import { scheduleTimer } from '../timers/schedule-timer.ts';
import type { ReminderKind } from './reminder-claims.ts';
import { digestSchedule, nextReminderAt, reminderDayDue, staffTimeZone, weeklySummarySchedule, type ReminderSchedule } from './reminder-schedule.ts';
import type { VisitSettings } from './visit-settings.ts';
import type { WorkCalendar } from '../calendar/work-calendar.ts';
import { loadWorkCalendar } from '../calendar/load-work-calendar.ts';

export const visitTimerKinds = { digest: 'visit.digest', weeklySummary: 'visit.weekly_summary' } as const;

export async function scheduleMissingReminderTimers(
  db: Db,
  input: { now: Date; settings: VisitSettings; defaultTimeZone: string; calendar?: WorkCalendar },
): Promise<{ scheduled: number }> {
  const [staff, pending] = await Promise.all([
    db.staff.findMany({
      where: { active: true, OR: [{ role: 'account_manager' }, { role: 'supervisor', regionCode: { not: null } }] },
      select: { slackUserId: true, role: true, timezone: true },
    }),
    db.timer.findMany({ where: { kind: { in: Object.values(visitTimerKinds) }, dueAt: { not: null } }, select: { kind: true, subjectId: true } }),
  ]);
  const has = new Set(pending.map((t) => `${t.kind}|${t.subjectId}`));
  const calendar = input.calendar ?? (await loadWorkCalendar(db, { around: input.now, regularWeek: input.settings.workingDays }));
  let scheduled = 0;
  for (const member of staff) {
    const kind = member.role === 'account_manager' ? visitTimerKinds.digest : visitTimerKinds.weeklySummary;
    if (has.has(`${kind}|${member.slackUserId}`)) continue;
    const timeZone = staffTimeZone(member, input.defaultTimeZone);
    const schedule = kind === visitTimerKinds.digest ? digestSchedule(input.settings, timeZone, calendar) : weeklySummarySchedule(input.settings, timeZone, calendar);
    const reminder: ReminderKind = kind === visitTimerKinds.digest ? 'digest' : 'weekly_summary';
    await scheduleTimer({ db }, { kind, subjectId: member.slackUserId, dueAt: await firstReminderAt(db, { kind: reminder, recipientId: member.slackUserId, now: input.now, schedule }) });
    scheduled++;
  }
  return { scheduled };
}

/** Now, if today's reminder is due and has not been claimed (sent, or found empty); else the next time. */
async function firstReminderAt(db: Db, input: { kind: ReminderKind; recipientId: string; now: Date; schedule: ReminderSchedule }): Promise<Date> {
  const today = reminderDayDue(input.now, input.schedule);
  if (today) {
    const done = await db.visitReminder.count({ where: { kind: input.kind, recipientId: input.recipientId, localDate: toDbDate(today) } });
    if (done === 0) return input.now;
  }
  return nextReminderAt(input.now, input.schedule);
}

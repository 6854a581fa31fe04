// Makes sure every account manager has a pending digest timer and every supervisor
// with a region a pending weekly-summary timer. Run by cron; it only fills gaps (new
// staff, a cancelled timer), so running it often, or in two processes, is harmless.
import type { Db } from '../../db/client.ts';
import { scheduleTimer } from '../timers/schedule-timer.ts';
import { digestSchedule, nextReminderAt, staffTimeZone, weeklySummarySchedule } from './reminder-schedule.ts';
import type { VisitSettings } from './visit-settings.ts';

export const visitTimerKinds = { digest: 'visit.digest', weeklySummary: 'visit.weekly_summary' } as const;

export async function scheduleMissingReminderTimers(
  db: Db,
  input: { now: Date; settings: VisitSettings; defaultTimeZone: string },
): Promise<{ scheduled: number }> {
  const [staff, pending] = await Promise.all([
    db.staff.findMany({
      where: { active: true, OR: [{ role: 'account_manager' }, { role: 'supervisor', regionCode: { not: null } }] },
      select: { slackUserId: true, role: true, timezone: true },
    }),
    db.timer.findMany({ where: { kind: { in: Object.values(visitTimerKinds) }, dueAt: { not: null } }, select: { kind: true, subjectId: true } }),
  ]);
  const has = new Set(pending.map((t) => `${t.kind}|${t.subjectId}`));
  let scheduled = 0;
  for (const member of staff) {
    const kind = member.role === 'account_manager' ? visitTimerKinds.digest : visitTimerKinds.weeklySummary;
    if (has.has(`${kind}|${member.slackUserId}`)) continue;
    const timeZone = staffTimeZone(member, input.defaultTimeZone);
    const schedule = kind === visitTimerKinds.digest ? digestSchedule(input.settings, timeZone) : weeklySummarySchedule(input.settings, timeZone);
    await scheduleTimer(db, { kind, subjectId: member.slackUserId }, nextReminderAt(input.now, schedule));
    scheduled++;
  }
  return { scheduled };
}

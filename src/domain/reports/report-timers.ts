// One durable timer per region (kind 'report.monthly', subject = region code), due on
// the 1st of each month at REPORT_MONTHLY_TIME in the bot's time zone. A cron job fills
// the gaps (a new region, a lost timer); running it often or in two processes is harmless.
import type { Db } from '../../db/client.ts';
import { addDays, instantAt, localDateOf } from '../local-time.ts';
import { scheduleTimer } from '../timers/schedule-timer.ts';

export const monthlyReportTimer = 'report.monthly';

/** The first "1st of a month, at `time`" strictly after `after`, in `timeZone`. */
export function nextMonthlyReportAt(after: Date, schedule: { time: string; timeZone: string }): Date {
  const today = localDateOf(after, schedule.timeZone);
  const thisMonth = instantAt(`${today.slice(0, 8)}01`, schedule.time, schedule.timeZone);
  if (thisMonth > after) return thisMonth;
  // 32 days after the 1st always lands in the next month.
  const nextFirst = `${addDays(`${today.slice(0, 8)}01`, 32).slice(0, 8)}01`;
  return instantAt(nextFirst, schedule.time, schedule.timeZone);
}

export async function scheduleMissingReportTimers(db: Db, input: { now: Date; time: string; timeZone: string }): Promise<{ scheduled: number }> {
  const [regions, pending] = await Promise.all([
    db.region.findMany({ where: { supervisorChannelId: { not: null } }, select: { code: true } }),
    db.timer.findMany({ where: { kind: monthlyReportTimer, dueAt: { not: null } }, select: { subjectId: true } }),
  ]);
  const has = new Set(pending.map((t) => t.subjectId));
  let scheduled = 0;
  for (const region of regions) {
    if (has.has(region.code)) continue;
    await scheduleTimer({ db }, { kind: monthlyReportTimer, subjectId: region.code, dueAt: nextMonthlyReportAt(input.now, input) });
    scheduled++;
  }
  return { scheduled };
}

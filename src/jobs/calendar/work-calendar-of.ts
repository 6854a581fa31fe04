// The work calendar as the jobs see it now: loaded from Postgres for the years around
// `now`, and a year it does not cover is logged once per process as a warning (the
// regular week is used meanwhile; admins also get the December notice).
import { loadWorkCalendar } from '../../domain/calendar/load-work-calendar.ts';
import type { WorkCalendar } from '../../domain/calendar/work-calendar.ts';
import type { BotContext } from '../../slack/bot-context.ts';

const warnedYears = new WeakMap<BotContext, Set<number>>();

export function workCalendarOf(ctx: BotContext, now: Date): Promise<WorkCalendar> {
  return loadWorkCalendar(ctx.db, {
    around: now,
    regularWeek: ctx.config.visits.workingDays,
    onMissingYear: (year) => {
      const warned = warnedYears.get(ctx) ?? new Set<number>();
      warnedYears.set(ctx, warned);
      if (warned.has(year)) return;
      warned.add(year);
      ctx.logger.warn({ year }, 'no work calendar for this year: working days fall back to VISIT_WORKING_DAYS (npm run import -- calendar FILE.csv)');
    },
  });
}

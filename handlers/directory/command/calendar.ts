// /am calendar [YEAR] — the work calendar of a year (this year by default): holidays,
// make-up working days, where they came from, or that the year is missing.
import { describeCalendarYear } from '../../../src/domain/calendar/describe-calendar-year.ts';
import { localDateOf } from '../../../src/domain/local-time.ts';
import { t } from '../../../src/i18n/catalog.ts';
import { calendarYearMessage } from '../../../src/slack/calendar/calendar-year-message.ts';
import type { Subcommand } from '../../subcommand.ts';

export const amCalendar: Subcommand = async (ctx, { args, locale }) => {
  const timeZone = ctx.config.timezone;
  const word = args[0] ?? localDateOf(ctx.clock.now(), timeZone).slice(0, 4);
  if (args.length > 1 || !/^\d{4}$/.test(word)) return { text: t(locale, 'calendar.usage') };
  const view = await describeCalendarYear(ctx, Number(word));
  return calendarYearMessage(locale, view, { regularWeek: ctx.config.visits.workingDays, timeZone });
};

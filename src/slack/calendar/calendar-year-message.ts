// `/am calendar [YEAR]` answered: the year's holidays as date ranges (the seven days of
// National Day on one line) and its make-up working days one by one, with where the
// data came from; or that the year is missing and what is used instead.
import type { CalendarYearView } from '../../domain/calendar/describe-calendar-year.ts';
import { addDays, formatLocalDateTime, weekdayOf, type LocalDate, type Weekday } from '../../domain/local-time.ts';
import { t, tPlain, type Locale, type Mrkdwn } from '../../i18n/catalog.ts';
import { joinMrkdwn } from '../../i18n/mrkdwn.ts';
import type { Reply } from '../edge/answer-privately.ts';
import { header, section } from '../kit/text.ts';

type Day = Extract<CalendarYearView, { known: true }>['days'][number];

/** Consecutive holidays of the same name, as one range. */
function holidayRanges(days: Day[]): { from: LocalDate; to: LocalDate; name: string; days: number }[] {
  const ranges: { from: LocalDate; to: LocalDate; name: string; days: number }[] = [];
  for (const day of days.filter((d) => d.kind === 'holiday')) {
    const last = ranges.at(-1);
    if (last && addDays(last.to, 1) === day.date && last.name === (day.name ?? '')) {
      last.to = day.date;
      last.days++;
    } else ranges.push({ from: day.date, to: day.date, name: day.name ?? '', days: 1 });
  }
  return ranges;
}

export function weekText(locale: Locale, week: readonly Weekday[]): string {
  return week.map((d) => tPlain(locale, `weekday.${d}`)).join(locale === 'en' ? ', ' : '、');
}

export function calendarYearMessage(locale: Locale, view: CalendarYearView, input: { regularWeek: readonly Weekday[]; timeZone: string }): Reply {
  const title = tPlain(locale, 'calendar.title', { year: view.year });
  if (!view.known) {
    const text = t(locale, 'calendar.missing', { year: view.year, week: weekText(locale, input.regularWeek) });
    return { text, blocks: [header(title), section(text)] };
  }
  const none = [t(locale, 'calendar.none')];
  const holidays = holidayRanges(view.days).map((r) => t(locale, 'calendar.range', r));
  const workdays = view.days
    .filter((d) => d.kind === 'workday')
    .map((d) => t(locale, 'calendar.workday', { date: d.date, weekday: tPlain(locale, `weekday.${weekdayOf(d.date)}`), name: d.name ?? '' }));
  const source = t(locale, view.source === 'import' ? 'calendar.source.import' : 'calendar.source.package', { at: formatLocalDateTime(view.loadedAt, input.timeZone) });
  const body: Mrkdwn[] = [
    joinMrkdwn([t(locale, 'calendar.holidays'), ...(holidays.length ? holidays : none)], '\n'),
    joinMrkdwn([t(locale, 'calendar.workdays'), ...(workdays.length ? workdays : none)], '\n'),
  ];
  return { text: joinMrkdwn([...body, source], '\n'), blocks: [header(title), ...body.map(section), section(source)] };
}

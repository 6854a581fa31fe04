// The daily digest DM of an account manager and the weekly summary DM of a supervisor.
// Each digest line carries a "Log visit" button that opens the form for that
// customer. A message holds at most 50 blocks, so each section shows its first lines
// and says how many more there are.
import type { KnownBlock } from '@slack/types';
import { t, tPlain, type Locale, type Mrkdwn } from '../../i18n/catalog.ts';
import { joinMrkdwn, markup, md } from '../../i18n/mrkdwn.ts';
import { addDays, daysBetween } from '../../domain/local-time.ts';
import type { CustomerDue } from '../../domain/visits/customer-dues.ts';
import type { ManagerDigest } from '../../domain/visits/manager-digest.ts';
import type { RegionWeeklySummary } from '../../domain/visits/region-weekly-summary.ts';
import type { Reply } from '../edge/answer-privately.ts';
import { visitIds } from '../ids.ts';
import { context, header, section } from '../kit/text.ts';
import { button, customerLabel } from './visit-text.ts';

/**
 * 4 sections × (title + 9 lines + "more") + header + best times = 46, plus one row of
 * Start visit buttons under each section but the birthdays = 49 ≤ 50 blocks.
 */
const linesPerSection = 9;
const lateCustomersShown = 25;

type Line = (due: CustomerDue) => Mrkdwn;

export function digestMessage(locale: Locale, digest: ManagerDigest, bestCallTimes: string[]): Reply {
  const phone = (d: CustomerDue) => (d.phone ? `· ${d.phone}` : '');
  const who = (d: CustomerDue) => markup(md`*${customerLabel(d)}*`);
  const newLine: Line = (d) => {
    const daysLeft = daysBetween(digest.today, d.firstCallback!.dueOn);
    const state = daysLeft > 0 ? tPlain(locale, 'digest.state.days_left', { days: daysLeft }) : daysLeft === 0 ? tPlain(locale, 'digest.state.today') : tPlain(locale, 'digest.state.late', { days: -daysLeft });
    return t(locale, 'digest.line.new', { customer: who(d), phone: phone(d), joined: d.firstCallback!.joinedOn, due: d.firstCallback!.dueOn, state });
  };
  const overdueLine: Line = (d) =>
    t(locale, 'digest.line.overdue', { customer: who(d), phone: phone(d), due: d.next.dueOn, days: d.daysOverdue, reason: tPlain(locale, `visit.reason.${d.next.reason}`) });
  const dueTodayLine: Line = (d) => t(locale, 'digest.line.due_today', { customer: who(d), phone: phone(d), reason: tPlain(locale, `visit.reason.${d.next.reason}`) });
  const birthdayLine: Line = (d) =>
    t(locale, 'digest.line.birthday', {
      customer: who(d),
      phone: phone(d),
      date: addDays(digest.today, d.birthdayInDays!),
      when: d.birthdayInDays === 0 ? tPlain(locale, 'digest.birthday.today') : tPlain(locale, 'digest.birthday.in_days', { days: d.birthdayInDays! }),
    });

  const blocks: KnownBlock[] = [header(tPlain(locale, 'digest.title', { date: digest.today }))];
  const part = (title: 'digest.section.new' | 'digest.section.overdue' | 'digest.section.due_today' | 'digest.section.birthdays', dues: CustomerDue[], line: Line) => {
    if (dues.length === 0) return;
    blocks.push(section(t(locale, title, { count: dues.length })));
    for (const due of dues.slice(0, linesPerSection)) {
      const block = section(line(due));
      block.accessory = button(tPlain(locale, 'digest.log_button'), visitIds.logFor, due.code);
      blocks.push(block);
    }
    // Check-in from the digest: one Start visit per customer listed (birthdays are greetings, not visits).
    if (title !== 'digest.section.birthdays') blocks.push(startVisitRow(locale, title, dues.slice(0, linesPerSection)));
    if (dues.length > linesPerSection) blocks.push(context(t(locale, 'digest.more', { count: dues.length - linesPerSection })));
  };
  part('digest.section.new', digest.newCustomers, newLine);
  part('digest.section.overdue', digest.overdue, overdueLine);
  part('digest.section.due_today', digest.dueToday, dueTodayLine);
  part('digest.section.birthdays', digest.birthdays, birthdayLine);
  blocks.push(context(t(locale, 'digest.best_times', { times: bestCallTimes.join(locale === 'en' ? ', ' : '、') })));
  return { text: t(locale, 'digest.text', { date: digest.today, count: digest.lineCount }), blocks };
}

/** The digest of a day with nothing to do: one line, so a quiet day is not mistaken for a stopped bot. */
export function allClearMessage(locale: Locale, digest: ManagerDigest): Reply {
  return { text: t(locale, 'digest.all_clear', { date: digest.today }) };
}

export function weeklySummaryMessage(locale: Locale, summary: RegionWeeklySummary, firstCallbackDays: number): Reply {
  const params = { region: `${summary.regionName} (${summary.regionCode})`, from: summary.weekFrom, to: summary.weekTo };
  const managers = summary.managers.length
    ? joinMrkdwn(summary.managers.map((m) => t(locale, 'weekly.manager_line', { managerId: m.managerId, visits: m.visits, overdue: m.overdue })), '\n')
    : t(locale, 'weekly.no_managers');
  const late = summary.lateNewCustomers;
  const lateLines = late.slice(0, lateCustomersShown).map((d) => {
    const lineParams = { customer: customerLabel(d), joined: d.firstCallback!.joinedOn, late: daysBetween(d.firstCallback!.dueOn, summary.today) };
    return d.accountManagerId
      ? t(locale, 'weekly.late_new_line', { ...lineParams, managerId: d.accountManagerId })
      : t(locale, 'weekly.late_new_unassigned', lineParams);
  });
  if (late.length > lateCustomersShown) lateLines.push(t(locale, 'common.and_more', { count: late.length - lateCustomersShown }));
  const blocks: KnownBlock[] = [
    header(tPlain(locale, 'weekly.title', params)),
    section(joinMrkdwn([t(locale, 'weekly.managers'), managers], '\n')),
    section(t(locale, 'weekly.overdue_total', { count: summary.overdueTotal })),
    section(
      late.length
        ? joinMrkdwn([t(locale, 'weekly.late_new', { days: firstCallbackDays, count: late.length }), ...lateLines], '\n')
        : t(locale, 'weekly.none_late'),
    ),
  ];
  return { text: t(locale, 'weekly.text', params), blocks };
}

function startVisitRow(locale: Locale, section: string, dues: CustomerDue[]): KnownBlock {
  return {
    type: 'actions',
    block_id: `start_visit.${section}`,
    // action_ids are unique within a block: visit.start.1, visit.start.2… (one listener for all).
    elements: dues.map((d, i) => button(tPlain(locale, 'visit.check_in.start_for', { customer: `${d.code} ${d.name}` }), `${visitIds.startVisit}.${i + 1}`, d.code)),
  };
}

// How cross-region values read in Slack: labels in the reader's language, people as
// mentions, times that Slack shows in each reader's own zone (with a fallback in the
// bot's zone). Member-typed text is filled in as text, so the kit escapes it.
import type { SectionBlock } from '@slack/types';
import { formatLocalDateTime } from '../../domain/local-time.ts';
import { replyLateBy } from '../../domain/xregion/reply-deadline-policy.ts';
import { tPlain, type Locale, type MessageKey } from '../../i18n/catalog.ts';
import { dateToken, md, type Fill, type Markup } from '../../i18n/mrkdwn.ts';
import { mrkdwnText } from '../kit/text.ts';

/** A time every reader sees in their own zone; the fallback is in `timeZone`. */
export function slackTime(at: Date, timeZone: string): Markup {
  return dateToken(at, '{date_num} {time}', formatLocalDateTime(at, timeZone));
}

// Labels are plain text: escaped where they go into mrkdwn, as they are in options and files.
export const tierLabel = (locale: Locale, tier: string | null) => tPlain(locale, tier ? (`xregion.tier.${tier}` as MessageKey) : 'xregion.tier.none');
export const serviceLabel = (locale: Locale, service: string) => tPlain(locale, `xregion.service.${service}` as MessageKey);
export const resultLabel = (locale: Locale, result: string) => tPlain(locale, `xregion.result.${result}` as MessageKey);
export const statusLabel = (locale: Locale, status: string) => tPlain(locale, `xregion.status.${status}` as MessageKey);

/**
 * A length of time in the units people use: "31 min", "2 h 5 min", "1 d 3 h" (a started
 * minute counts, so a few seconds late is "1 min"; past a day the minutes are left out).
 */
export function humaneDuration(locale: Locale, millis: number): string {
  const minutes = Math.max(1, Math.ceil(millis / 60_000));
  if (minutes < 60) return tPlain(locale, 'xregion.duration.minutes', { minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    return minutes % 60 === 0 ? tPlain(locale, 'xregion.duration.hours', { hours }) : tPlain(locale, 'xregion.duration.hours_minutes', { hours, minutes: minutes % 60 });
  }
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? tPlain(locale, 'xregion.duration.days', { days }) : tPlain(locale, 'xregion.duration.days_hours', { days, hours: hours % 24 });
}

/** How late the request's reply came, in words ("31 min"), or null when it came in time (or not yet). */
export function replyLateness(locale: Locale, request: Parameters<typeof replyLateBy>[0]): string | null {
  const late = replyLateBy(request);
  return late === null ? null : humaneDuration(locale, late);
}

/** A form field as shown: its value is text as typed (escaped when shown) or the bot's markup (a time, a mention). */
export type Field = { label: MessageKey; value: Exclude<Fill, number> | null | undefined };

/** Label/value pairs as section fields, ten to a section (Block Kit's limit). */
export function fieldSections(locale: Locale, fields: Field[]): SectionBlock[] {
  const shown = fields.map((f) => mrkdwnText(md`*${tPlain(locale, f.label)}*\n${f.value || '—'}`, 2000));
  const sections: SectionBlock[] = [];
  for (let i = 0; i < shown.length; i += 10) sections.push({ type: 'section', fields: shown.slice(i, i + 10) });
  return sections;
}

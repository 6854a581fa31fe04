// The message catalog: every user-facing text, in zh-CN and en. Add an area by
// writing src/i18n/messages/<area>.ts and listing it here.
import type { Locale, Message } from './define-messages.ts';
import { fillTemplate, type Fill, type Mrkdwn, type PlainText } from './mrkdwn.ts';
import { commonMessages } from './messages/common.ts';
import { directoryMessages } from './messages/directory.ts';
import { helpMessages } from './messages/help.ts';
import { approvalMessages } from './messages/approvals.ts';
import { approvalAwayMessages } from './messages/approvals-away.ts';
import { retentionMessages } from './messages/retention.ts';

import { xregionMessages } from './messages/xregion.ts';

import { visitMessages } from './messages/visits.ts';
import { visitCheckInMessages } from './messages/visit-check-in.ts';
import { reportMessages } from './messages/reports.ts';
import { homeMessages } from './messages/home.ts';
import { calendarMessages } from './messages/calendar.ts';
import { careMessages } from './messages/care.ts';
import { planMessages } from './messages/plans.ts';

import { ticketCommandMessages } from './messages/ticket-commands.ts';
import { ticketNoticeMessages } from './messages/ticket-notices.ts';
import { ticketPauseMessages } from './messages/ticket-pause.ts';
import { ticketLiveMessages } from './messages/ticket-live.ts';
import { privacyMessages } from './messages/privacy.ts';
import { ticketMessages } from './messages/tickets.ts';
import { ticketWorkLogMessages } from './messages/ticket-work-log.ts';

const areas = [
  commonMessages,
  helpMessages,
  directoryMessages,
  approvalMessages,
  retentionMessages,
  xregionMessages,
  visitMessages,
  ticketMessages,
  ticketNoticeMessages,
  ticketCommandMessages,
  reportMessages,
  homeMessages,
  ticketPauseMessages,
  ticketWorkLogMessages,
  approvalAwayMessages,
  visitCheckInMessages,
  ticketLiveMessages,
  privacyMessages,
  calendarMessages,
  careMessages,
  planMessages,
] as const;

type Area = (typeof areas)[number];
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
type Catalog = UnionToIntersection<Area['en']>;
export type MessageKey = keyof Catalog & string;
export type MessageParams = Record<string, Fill>;
export type PlainParams = Record<string, PlainText | number>;

export const catalogs: Readonly<Record<Locale, Readonly<Record<string, Message>>>> = {
  en: Object.assign({}, ...areas.map((area) => area.en)),
  'zh-CN': Object.assign({}, ...areas.map((area) => area['zh-CN'])),
};

const pluralRules = new Map<Locale, Intl.PluralRules>();
function pluralCategory(locale: Locale, value: unknown): Intl.LDMLPluralRule {
  const count = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  if (!Number.isFinite(count)) return 'other';
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules.select(count);
}

/** The template of `key` for these params: a Plural's form chosen by its count, in the language the text is written in. */
function templateOf(locale: Locale, key: MessageKey, params: Readonly<Record<string, unknown>>): string {
  const own = catalogs[locale][key];
  const [written, language]: [Message | undefined, Locale] = own !== undefined ? [own, locale] : [catalogs.en[key], 'en'];
  let message: Message = written ?? key;
  while (typeof message !== 'string') message = message.forms[pluralCategory(language, params[message.plural])] ?? message.forms.other;
  return message;
}

/**
 * The text for `key` in `locale` as Slack mrkdwn (a counting text in the form its count
 * asks for), `{name}` placeholders filled from params: text values are escaped (a name or reason can never ping or link), numbers
 * written out, the bot's own markup (mention(), dateToken(), markup(…)) kept as it is.
 */
export function t(locale: Locale, key: MessageKey, params: MessageParams = {}): Mrkdwn {
  return fillTemplate(templateOf(locale, key, params), params);
}

/**
 * The same text where Slack shows it as typed (plain_text: headers, titles, buttons,
 * options, modal errors) or outside Slack (files, charts): nothing is escaped.
 */
export function tPlain(locale: Locale, key: MessageKey, params: PlainParams = {}): string {
  return templateOf(locale, key, params).replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

/** Maps a Slack user locale (e.g. "zh-CN", "en-US", "ja-JP") to one we speak. */
export function pickLocale(slackLocale: string | null | undefined, fallback: Locale): Locale {
  if (!slackLocale) return fallback;
  if (slackLocale.toLowerCase().startsWith('zh')) return 'zh-CN';
  if (slackLocale.toLowerCase().startsWith('en')) return 'en';
  return fallback;
}

export type { Locale } from './define-messages.ts';
export type { Mrkdwn, PlainText } from './mrkdwn.ts';

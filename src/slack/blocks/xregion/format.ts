// How cross-region values read in Slack: labels in the reader's language, people as
// mentions, times that Slack shows in each reader's own zone (with a fallback in the
// bot's zone), and member-typed text escaped so it cannot ping a channel.
import type { SectionBlock } from '@slack/types';
import { formatLocalDateTime } from '../../../domain/local-time.ts';
import { t, type Locale, type MessageKey } from '../../../i18n/catalog.ts';
import { truncate } from '../text.ts';

/** Slack's own escaping for &, < and > in mrkdwn. */
export const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A time every reader sees in their own zone; the fallback is in `timeZone`. */
export function slackTime(at: Date, timeZone: string): string {
  return `<!date^${Math.floor(at.getTime() / 1000)}^{date_num} {time}|${formatLocalDateTime(at, timeZone)}>`;
}

export const tierLabel = (locale: Locale, tier: string | null) => t(locale, tier ? (`xregion.tier.${tier}` as MessageKey) : 'xregion.tier.none');
export const serviceLabel = (locale: Locale, service: string) => t(locale, `xregion.service.${service}` as MessageKey);
export const resultLabel = (locale: Locale, result: string) => t(locale, `xregion.result.${result}` as MessageKey);
export const statusLabel = (locale: Locale, status: string) => t(locale, `xregion.status.${status}` as MessageKey);

export type Field = { label: MessageKey; value: string | null | undefined };

/** Label/value pairs as section fields, ten to a section (Block Kit's limit). */
export function fieldSections(locale: Locale, fields: Field[]): SectionBlock[] {
  const shown = fields.map((f) => ({ type: 'mrkdwn' as const, text: truncate(`*${t(locale, f.label)}*\n${f.value || '—'}`, 2000) }));
  const sections: SectionBlock[] = [];
  for (let i = 0; i < shown.length; i += 10) sections.push({ type: 'section', fields: shown.slice(i, i + 10) });
  return sections;
}

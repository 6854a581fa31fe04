// Small Block Kit builders shared by every message, so limits are handled once — and so
// escaping is: mrkdwn blocks take only Mrkdwn (made by t() or md`…`, which escape what
// people and systems wrote), plain_text takes text as it is (Slack shows it as typed).
import type { ContextBlock, DividerBlock, HeaderBlock, MrkdwnElement, PlainTextElement, SectionBlock } from '@slack/types';
import { truncateMrkdwn, type Mrkdwn, type PlainText } from '../../i18n/mrkdwn.ts';

const sectionLimit = 3000;
const headerLimit = 150;

/** Plain text cut to `limit` characters (before it is escaped, for mrkdwn: see truncateMrkdwn). */
export function truncate<T extends string>(text: T, limit: number): T {
  const chars = [...text];
  return chars.length <= limit ? text : (`${chars.slice(0, limit - 1).join('')}…` as T);
}

/** A plain_text object: Slack shows it as typed, so nothing is escaped. */
export const plainText = (text: PlainText, limit = sectionLimit): PlainTextElement => ({ type: 'plain_text', text: truncate(text, limit) });

/** A mrkdwn text object (section fields, context elements). */
export const mrkdwnText = (markdown: Mrkdwn, limit = sectionLimit): MrkdwnElement => ({ type: 'mrkdwn', text: truncateMrkdwn(markdown, limit) });

export const header = (text: PlainText): HeaderBlock => ({ type: 'header', text: plainText(text, headerLimit) });

export const section = (markdown: Mrkdwn): SectionBlock => ({ type: 'section', text: mrkdwnText(markdown) });

export const context = (markdown: Mrkdwn): ContextBlock => ({ type: 'context', elements: [mrkdwnText(markdown)] });

export const divider = (): DividerBlock => ({ type: 'divider' });

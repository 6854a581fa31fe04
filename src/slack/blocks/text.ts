// Small Block Kit builders shared by every message, so limits are handled once.
import type { ContextBlock, DividerBlock, HeaderBlock, SectionBlock } from '@slack/types';

const sectionLimit = 3000;
const headerLimit = 150;

export function truncate(text: string, limit: number): string {
  const chars = [...text];
  return chars.length <= limit ? text : `${chars.slice(0, limit - 1).join('')}…`;
}

export const header = (text: string): HeaderBlock => ({ type: 'header', text: { type: 'plain_text', text: truncate(text, headerLimit) } });

export const section = (markdown: string): SectionBlock => ({ type: 'section', text: { type: 'mrkdwn', text: truncate(markdown, sectionLimit) } });

export const context = (markdown: string): ContextBlock => ({ type: 'context', elements: [{ type: 'mrkdwn', text: truncate(markdown, sectionLimit) }] });

export const divider = (): DividerBlock => ({ type: 'divider' });

// The "Reveal number" button next to a masked number. Its value names the record; the
// click is answered privately, and only to the person handling it (handlers/privacy/).
import type { Button, SectionBlock } from '@slack/types';
import type { PersonalRecord } from '../../domain/privacy/handles-record.ts';
import { tPlain, type Locale, type Mrkdwn } from '../../i18n/catalog.ts';
import { privacyIds } from '../ids.ts';
import { mrkdwnText, plainText } from '../kit/text.ts';

export function revealButton(locale: Locale, record: PersonalRecord): Button {
  return {
    type: 'button',
    action_id: privacyIds.reveal,
    text: plainText(tPlain(locale, 'privacy.button.reveal'), 75),
    value: JSON.stringify({ kind: record.kind, id: record.id }),
  };
}

/** A line holding masked numbers, with the button beside it. */
export function maskedLine(locale: Locale, text: Mrkdwn, record: PersonalRecord): SectionBlock {
  return { type: 'section', block_id: 'privacy_masked', text: mrkdwnText(text), accessory: revealButton(locale, record) };
}

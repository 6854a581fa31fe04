// The private answer to "Reveal number": the record's numbers in full, for its handler only.
import type { PersonalRecord } from '../../domain/privacy/handles-record.ts';
import type { RevealedNumbers } from '../../domain/privacy/reveal-number.ts';
import { t, type Locale } from '../../i18n/catalog.ts';
import type { Reply } from '../edge/answer-privately.ts';

export function revealedNumbersReply(locale: Locale, kind: PersonalRecord['kind'], revealed: RevealedNumbers): Reply {
  const text =
    kind === 'ticket'
      ? t(locale, 'privacy.revealed.ticket', { number: revealed.number, contact: [revealed.contactName, revealed.contactPhone].filter(Boolean).join(' ') || '—' })
      : t(locale, 'privacy.revealed.xregion', { number: revealed.number, name: revealed.contactName ?? '—', member: revealed.memberNumber ?? '—', phone: revealed.contactPhone ?? '—' });
  return { text };
}

// Small pieces of visit wording shared by the list, the history and the reminders.
import type { Button } from '@slack/types';
import { t, tPlain, type Locale, type Mrkdwn, type PlainText } from '../../i18n/catalog.ts';
import { localDateOf, localTimeOf } from '../../domain/local-time.ts';
import type { NextContact } from '../../domain/visits/follow-up-policy.ts';
import type { LoggedVisit } from '../../domain/visits/log-visit.ts';
import { plainText } from '../kit/text.ts';

/** "Name (C0001)" as text: escaped wherever it is filled into mrkdwn. */
export const customerLabel = (c: { code: string; name: string }) => `${c.name} (${c.code})`;

export const whenText = (instant: Date, timeZone: string) => `${localDateOf(instant, timeZone)} ${localTimeOf(instant, timeZone)}`;

export function nextContactParams(locale: Locale, next: NextContact) {
  return { due: next.dueOn, reason: tPlain(locale, `visit.reason.${next.reason}`) };
}

export function savedText(locale: Locale, saved: LoggedVisit): Mrkdwn {
  const params = { customer: customerLabel(saved.customer), ...nextContactParams(locale, saved.nextContact) };
  return saved.version > 1
    ? t(locale, 'visit.edited', { ...params, version: saved.version })
    : t(locale, 'visit.logged', { ...params, kind: tPlain(locale, `visit.kind.${saved.kind}`) });
}

export function button(text: PlainText, actionId: string, value: string, style?: 'primary'): Button {
  return { type: 'button', text: plainText(text, 75), action_id: actionId, value, ...(style ? { style } : {}) };
}

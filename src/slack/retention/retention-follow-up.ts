// The manager's follow-up reminder: for a "considering" case, with a button that reopens
// the case form for that customer; for a retained customer's callback, with the button
// that logs the call as a visit.
import type { DueFollowUp } from '../../domain/retention/follow-up-reminder.ts';
import { t, tPlain, type Locale } from '../../i18n/catalog.ts';
import { retentionIds, visitIds } from '../ids.ts';
import type { Rendered } from '../approvals/approval-request.ts';
import { plainText, section } from '../kit/text.ts';

export function followUpReminder(locale: Locale, due: DueFollowUp & { offerName: string }): Rendered {
  const callback = due.kind === 'callback';
  const text = t(locale, callback ? 'retention.callback_due' : 'retention.follow_up_due', {
    customer: due.customer.name,
    code: due.customer.code,
    caseId: `R-${due.case.id}`,
    offer: due.offerName,
  });
  return {
    text,
    blocks: [
      section(text),
      {
        type: 'actions',
        block_id: 'retention_follow_up',
        elements: [
          {
            type: 'button',
            action_id: callback ? visitIds.logFor : retentionIds.recordOutcome,
            style: 'primary',
            value: due.customer.code,
            text: plainText(tPlain(locale, callback ? 'digest.log_button' : 'retention.follow_up_button'), 75),
          },
        ],
      },
    ],
  };
}

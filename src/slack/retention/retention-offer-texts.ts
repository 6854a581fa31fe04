// How a retention offer above authority reads to the supervisors and to the requester
// (the kind itself, its details and effects, is src/domain/retention/retention-offer-approval.ts).
import type { ApprovalSnapshot } from '../../domain/approvals/approval-kind.ts';
import type { RetentionOfferDetails } from '../../domain/retention/retention-offer-approval.ts';
import { formatYuan } from '../../domain/retention/format-yuan.ts';
import { t, tPlain, type Locale } from '../../i18n/catalog.ts';
import type { ApprovalKindTexts } from '../approvals/approval-kind-texts.ts';

function caseLabel(request: ApprovalSnapshot<RetentionOfferDetails>): string {
  return `R-${request.details.caseId}`;
}

export const retentionOfferTexts: ApprovalKindTexts<RetentionOfferDetails> = {
  describe(d, locale: Locale) {
    return {
      title: tPlain(locale, 'retention.approval.title'),
      asked: t(locale, 'retention.approval.asked', {
        caseId: `R-${d.caseId}`,
        customer: d.customerName,
        code: d.customerCode,
        offer: d.offerName[locale],
        value: formatYuan(d.offerValue),
        authority: formatYuan(d.authority),
        outcome: tPlain(locale, `retention.outcome.${d.outcome}`),
        trigger: tPlain(locale, `retention.trigger.${d.trigger}`),
        reasons: d.reasons.map((r) => tPlain(locale, `retention.reason.${r}`)).join(locale === 'en' ? ', ' : '、'),
        followUp: d.followUpOn ? tPlain(locale, 'retention.approval.follow_up', { date: d.followUpOn }) : '',
      }),
    };
  },
  notice(outcome, request, locale) {
    return outcome === 'approved'
      ? t(locale, 'retention.approval.notice_approved', { caseId: caseLabel(request), outcome: tPlain(locale, `retention.outcome.${request.details.outcome}`) })
      : t(locale, 'retention.approval.notice_not_recorded', { caseId: caseLabel(request) });
  },
};

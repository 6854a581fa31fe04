// How an SLA clock pause request reads to the supervisors and to the requester (the
// kind itself, its details and effects, is src/domain/tickets/sla-pause-approval.ts).
import type { SlaPauseDetails } from '../../domain/tickets/sla-pause-approval.ts';
import { t, tPlain, type Locale } from '../../i18n/catalog.ts';
import type { ApprovalKindTexts } from '../approvals/approval-kind-texts.ts';

export const slaPauseTexts: ApprovalKindTexts<SlaPauseDetails> = {
  describe(d, locale: Locale) {
    return {
      title: tPlain(locale, 'ticket.pause.approval_title'),
      asked: t(locale, 'ticket.pause.approval_asked', { number: d.number, code: d.customerCode, customer: d.customerName, level: d.serviceLevel }),
    };
  },
  notice(outcome, request, locale) {
    return outcome === 'approved'
      ? t(locale, 'ticket.pause.notice_approved', { number: request.details.number })
      : t(locale, 'ticket.pause.notice_not_paused', { number: request.details.number });
  },
};

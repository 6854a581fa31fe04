// How an activity plan reads to the supervisors deciding it and to the manager told of
// the decision (the kind itself is src/domain/plans/activity-plan-approval.ts).
import type { ActivityPlanDetails } from '../../domain/plans/activity-plan-approval.ts';
import { formatYuan } from '../../domain/retention/format-yuan.ts';
import { t, tPlain, type Locale } from '../../i18n/catalog.ts';
import type { ApprovalKindTexts } from '../approvals/approval-kind-texts.ts';

export const activityPlanTexts: ApprovalKindTexts<ActivityPlanDetails> = {
  describe(d, locale: Locale) {
    return {
      title: tPlain(locale, 'plan.approval_title'),
      asked: t(locale, 'plan.approval_asked', {
        theme: d.theme,
        id: d.planId,
        eventOn: d.eventOn,
        purpose: d.purpose,
        targetMembers: d.targetMembers,
        places: d.places,
        budget: formatYuan(d.budgetYuan),
        reportDueOn: d.reportDueOn,
      }),
    };
  },
  notice(outcome, request, locale) {
    const d = request.details;
    return outcome === 'approved'
      ? t(locale, 'plan.notice_approved', { theme: d.theme, eventOn: d.eventOn, reportDueOn: d.reportDueOn })
      : t(locale, 'plan.notice_not_approved', { theme: d.theme });
  },
};

// How each approval kind reads in Slack: the title and the facts the supervisors decide
// on, and the extra sentence the requester gets. The domain kinds
// (src/domain/approvals/approval-kinds.ts) hold the data and the effects only; a kind
// without texts here fails test/unit/approval-kind-texts.test.ts.
import type { ApprovalOutcome, ApprovalSnapshot } from '../../domain/approvals/approval-kind.ts';
import { retentionOfferApproval } from '../../domain/retention/retention-offer-approval.ts';
import { slaPauseApproval } from '../../domain/tickets/sla-pause-approval.ts';
import type { Locale, Mrkdwn } from '../../i18n/catalog.ts';
import { retentionOfferTexts } from '../retention/retention-offer-texts.ts';
import { slaPauseTexts } from '../tickets/sla-pause-texts.ts';
import { activityPlanApproval } from '../../domain/plans/activity-plan-approval.ts';
import { activityPlanTexts } from '../plans/activity-plan-texts.ts';

export type ApprovalKindTexts<Details> = {
  /**
   * What is asked, for the supervisors' message and the requester's notice: a short
   * title (plain text: tPlain) and one mrkdwn paragraph with the facts needed to decide
   * (t(), which escapes the names and reasons filled into it).
   */
  describe(details: Details, locale: Locale): { title: string; asked: Mrkdwn };
  /** One extra sentence for the requester's notice (e.g. "the offer was not recorded"). */
  notice?(outcome: ApprovalOutcome, request: ApprovalSnapshot<Details>, locale: Locale): Mrkdwn | null;
};

// Each kind's texts take that kind's details.
const byKind: Record<string, ApprovalKindTexts<any>> = {
  [retentionOfferApproval.kind]: retentionOfferTexts,
  [slaPauseApproval.kind]: slaPauseTexts,
  [activityPlanApproval.kind]: activityPlanTexts,
};

export function approvalTextsOf(kind: string): ApprovalKindTexts<any> {
  const texts = byKind[kind];
  if (!texts) throw new Error(`no Slack texts for approval kind ${kind}`);
  return texts;
}

// Every kind of approval the product knows. To add one: write a module that exports
// `defineApprovalKind({ kind, details, onApproved, onRejected, onExpired })` (see
// approval-kind.ts; src/domain/retention/retention-offer-approval.ts is an example), list
// it below, and give it its Slack texts in src/slack/approvals/approval-kind-texts.ts.
// Nothing else in the mechanism changes.
import { DomainError } from '../../errors.ts';
import { retentionOfferApproval } from '../retention/retention-offer-approval.ts';
import { slaPauseApproval } from '../tickets/sla-pause-approval.ts';
import { activityPlanApproval } from '../plans/activity-plan-approval.ts';
import type { AnyApprovalKind } from './approval-kind.ts';

export const registeredApprovalKinds: readonly AnyApprovalKind[] = [retentionOfferApproval, slaPauseApproval, activityPlanApproval];

const byKind = new Map(registeredApprovalKinds.map((kind) => [kind.kind, kind]));

export function approvalKindOf(kind: string): AnyApprovalKind {
  const found = byKind.get(kind);
  // A request of a kind no longer registered cannot be decided safely.
  if (!found) throw new DomainError('approval_unknown_kind', { kind });
  return found;
}

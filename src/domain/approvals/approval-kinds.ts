// Every kind of approval the product knows. To add one: write a module that exports
// `defineApprovalKind({ kind, details, describe, onApproved, onRejected, onExpired })`
// (see approval-kind.ts; src/domain/retention/retention-offer-approval.ts is an
// example) and list it below. Nothing else in the mechanism changes.
import { DomainError } from '../../errors.ts';
import { retentionOfferApproval } from '../retention/retention-offer-approval.ts';
import { slaPauseApproval } from '../tickets/sla-pause-approval.ts';
import type { AnyApprovalKind } from './approval-kind.ts';

const registered: AnyApprovalKind[] = [retentionOfferApproval, slaPauseApproval];

const byKind = new Map(registered.map((kind) => [kind.kind, kind]));

export function approvalKindOf(kind: string): AnyApprovalKind {
  const found = byKind.get(kind);
  // A request of a kind no longer registered cannot be decided safely.
  if (!found) throw new DomainError('approval_unknown_kind', { kind });
  return found;
}

// A supervisor's Approve or Reject. Whoever may not decide is refused and the attempt
// is audited. The decision itself is a conditional update on (status, approvalCount)
// checked by its count: when two people click at the same moment, Postgres makes the
// second update wait for the first and then find the row changed, so exactly one
// decision stands; the loser re-reads and is told what was decided.
import { announceApprovalSettled } from './approval-announcements.ts';
import type { Clock } from '../../clock.ts';
import type { Prisma } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { DomainError } from '../../errors.ts';
import { recordAudit } from '../audit.ts';
import type { Deps } from '../deps.ts';
import { findStaff } from '../directory/find-staff.ts';
import { cancelTimer } from '../timers/schedule-timer.ts';
import { approvalKindOf } from './approval-kinds.ts';
import { deciderRefusal, type DeciderRefusal } from './decider-policy.ts';
import { requireApproval, snapshotOf, type ApprovalRecord } from './find-approval.ts';
import { approvalDeadlineTimer } from './request-approval.ts';

export type Verdict = 'approve' | 'reject';

export type DecideInput = { requestId: bigint; deciderId: string; verdict: Verdict; reason?: string | null };

export type DecideResult =
  /** This click decided the request. */
  | { result: 'decided'; status: 'approved' | 'rejected'; record: ApprovalRecord }
  /** An approval was counted; more approvers are needed. */
  | { result: 'counted'; record: ApprovalRecord }
  /** Someone else decided first (or it expired); nothing changed. */
  | { result: 'already_decided'; record: ApprovalRecord }
  /** This person already approved; a second approver must be someone else. */
  | { result: 'already_voted'; record: ApprovalRecord };

const refusalErrors: Record<DeciderRefusal, 'unknown_user' | 'approval_own_request' | 'approval_not_a_decider'> = {
  not_registered: 'unknown_user',
  own_request: 'approval_own_request',
  not_a_decider: 'approval_not_a_decider',
};

/**
 * Refuses (and audits) anyone who may not decide this request; returns the request.
 * Also used before the Reject modal opens, so a refused person never sees it.
 */
export async function assertMayDecide(deps: Deps, input: { requestId: bigint; deciderId: string; attempted: Verdict }): Promise<ApprovalRecord> {
  const record = await requireApproval(deps.db, input.requestId);
  const kind = approvalKindOf(record.kind);
  const refusal = deciderRefusal(await findStaff(deps, input.deciderId), snapshotOf(record, kind), kind);
  if (refusal) {
    await recordAudit({ db: deps.db, clock: deps.clock }, {
      actorId: input.deciderId,
      action: 'approval.refused',
      subject: `approval:${record.id}`,
      detail: { kind: record.kind, subjectId: record.subjectId, attempted: input.attempted, refusal },
    });
    throw new DomainError(refusalErrors[refusal], { requester: record.requesterId });
  }
  return record;
}

class DecisionConflict extends Error {}

export async function decideApproval(deps: Deps, input: DecideInput): Promise<DecideResult> {
  const reason = input.verdict === 'reject' ? (input.reason ?? '').trim() : null;
  if (input.verdict === 'reject' && !reason) throw new DomainError('approval_reason_required');
  await assertMayDecide(deps, { requestId: input.requestId, deciderId: input.deciderId, attempted: input.verdict });
  // A conflict means someone changed the request between our read and our update;
  // re-reading settles it (it is decided now, or it needs one more approval).
  for (let attempt = 1; ; attempt++) {
    try {
      return await inTransaction(deps.db, (tx) => decideOnce({ tx, clock: deps.clock }, input, reason));
    } catch (error) {
      if (error instanceof DecisionConflict && attempt < 5) continue;
      throw error;
    }
  }
}

async function decideOnce({ tx, clock }: { tx: Prisma.TransactionClient; clock: Clock }, input: DecideInput, reason: string | null): Promise<DecideResult> {
  const record = await requireApproval(tx, input.requestId);
  if (record.status !== 'pending') return { result: 'already_decided', record };
  if (record.decisions.some((d) => d.deciderId === input.deciderId)) return { result: 'already_voted', record };

  const now = clock.now();
  const final = input.verdict === 'reject' || record.approvalCount + 1 >= record.requiredApprovals;
  const status = input.verdict === 'reject' ? 'rejected' : 'approved';
  const won = await tx.approvalRequest.updateMany({
    where: { id: record.id, status: 'pending', approvalCount: record.approvalCount },
    data: {
      ...(input.verdict === 'approve' ? { approvalCount: { increment: 1 } } : {}),
      ...(final ? { status, decidedAt: now, rejectionReason: reason } : {}),
    },
  });
  if (won.count === 0) throw new DecisionConflict();

  await tx.approvalDecision.create({ data: { requestId: record.id, deciderId: input.deciderId, verdict: input.verdict, reason, at: now } });
  await recordAudit({ db: tx, clock: clock }, {
    actorId: input.deciderId,
    action: final ? `approval.${status}` : 'approval.approval_counted',
    subject: `approval:${record.id}`,
    detail: { kind: record.kind, subjectId: record.subjectId, ...(reason ? { reason } : {}) },
  });
  const updated = await requireApproval(tx, record.id);
  await announceApprovalSettled({ db: tx, clock: clock }, record.id);
  if (!final) return { result: 'counted', record: updated };

  await cancelTimer({ db: tx }, { kind: approvalDeadlineTimer, subjectId: String(record.id) });
  const kind = approvalKindOf(record.kind);
  const snapshot = snapshotOf(updated, kind);
  if (status === 'approved') await kind.onApproved({ tx, clock }, snapshot);
  else await kind.onRejected({ tx, clock }, snapshot);
  return { result: 'decided', status, record: updated };
}

// A supervisor's Approve or Reject. Whoever may not decide is refused and the attempt
// is audited. The decision itself is a conditional update on (status, approvalCount)
// checked by its count: when two people click at the same moment, Postgres makes the
// second update wait for the first and then find the row changed, so exactly one
// decision stands; the loser re-reads and is told what was decided.
import { announceAbstention, announceApprovalSettled } from './approval-announcements.ts';
import { delegatorFor } from './approval-delegations.ts';
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

/** `abstain`: on a two-approver request, step aside so that the next supervisor is asked. */
export type Verdict = 'approve' | 'reject' | 'abstain';

export type DecideInput = { requestId: bigint; deciderId: string; verdict: Verdict; reason?: string | null };

export type DecideResult =
  /** This click decided the request. */
  | { result: 'decided'; status: 'approved' | 'rejected'; record: ApprovalRecord }
  /** An approval was counted; more approvers are needed. */
  | { result: 'counted'; record: ApprovalRecord }
  /** Someone else decided first (or it expired); nothing changed. */
  | { result: 'already_decided'; record: ApprovalRecord }
  /** This person already approved; a second approver must be someone else. */
  | { result: 'already_voted'; record: ApprovalRecord }
  /** This person stepped aside; the next supervisor is asked. */
  | { result: 'abstained'; record: ApprovalRecord };

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
  return (await resolveDecider(deps, input)).record;
}

/** As assertMayDecide; also whom a deputy decides for (a supervisor away), or null. */
export async function resolveDecider(deps: Deps, input: { requestId: bigint; deciderId: string; attempted: Verdict }): Promise<{ record: ApprovalRecord; onBehalfOfId: string | null }> {
  const record = await requireApproval(deps.db, input.requestId);
  const kind = approvalKindOf(record.kind);
  const snapshot = snapshotOf(record, kind);
  let refusal = deciderRefusal(await findStaff(deps, input.deciderId), snapshot, kind);
  let onBehalfOfId: string | null = null;
  if (refusal === 'not_a_decider') {
    const delegator = await delegatorFor(deps, { deputyId: input.deciderId, request: snapshot, kind, openedAt: record.createdAt });
    if (delegator) [refusal, onBehalfOfId] = [null, delegator.slackUserId];
  }
  if (refusal) {
    await recordAudit({ db: deps.db, clock: deps.clock }, {
      actorId: input.deciderId,
      action: 'approval.refused',
      subject: `approval:${record.id}`,
      detail: { kind: record.kind, subjectId: record.subjectId, attempted: input.attempted, refusal },
    });
    throw new DomainError(refusalErrors[refusal], { requester: record.requesterId });
  }
  return { record, onBehalfOfId };
}

class DecisionConflict extends Error {}

export async function decideApproval(deps: Deps, input: DecideInput): Promise<DecideResult> {
  const reason = input.verdict === 'reject' ? (input.reason ?? '').trim() : null;
  if (input.verdict === 'reject' && !reason) throw new DomainError('approval_reason_required');
  const { onBehalfOfId } = await resolveDecider(deps, { requestId: input.requestId, deciderId: input.deciderId, attempted: input.verdict });
  // A conflict means someone changed the request between our read and our update;
  // re-reading settles it (it is decided now, or it needs one more approval).
  for (let attempt = 1; ; attempt++) {
    try {
      return await inTransaction(deps.db, (tx) => decideOnce({ tx, clock: deps.clock }, { ...input, onBehalfOfId }, reason));
    } catch (error) {
      if (error instanceof DecisionConflict && attempt < 5) continue;
      throw error;
    }
  }
}

async function decideOnce({ tx, clock }: { tx: Prisma.TransactionClient; clock: Clock }, input: DecideInput & { onBehalfOfId: string | null }, reason: string | null): Promise<DecideResult> {
  const record = await requireApproval(tx, input.requestId);
  if (record.status !== 'pending') return { result: 'already_decided', record };
  // A deputy and the supervisor they stand for are one voice.
  const voices = new Set([input.deciderId, ...(input.onBehalfOfId ? [input.onBehalfOfId] : [])]);
  if (record.decisions.some((d) => voices.has(d.deciderId) || (d.onBehalfOfId !== null && voices.has(d.onBehalfOfId)))) return { result: 'already_voted', record };

  const now = clock.now();
  if (input.verdict === 'abstain') return abstain({ tx, clock }, record, input, now);
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

  await tx.approvalDecision.create({ data: { requestId: record.id, deciderId: input.deciderId, verdict: input.verdict, reason, at: now, onBehalfOfId: input.onBehalfOfId } });
  await recordAudit({ db: tx, clock: clock }, {
    actorId: input.deciderId,
    action: final ? `approval.${status}` : 'approval.approval_counted',
    subject: `approval:${record.id}`,
    detail: { kind: record.kind, subjectId: record.subjectId, ...(reason ? { reason } : {}), ...(input.onBehalfOfId ? { onBehalfOfId: input.onBehalfOfId } : {}) },
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

/** Steps aside on a two-approver request: recorded (this person no longer votes on it), the message shows it, the next supervisor is asked. */
async function abstain({ tx, clock }: { tx: Prisma.TransactionClient; clock: Clock }, record: ApprovalRecord, input: DecideInput & { onBehalfOfId: string | null }, now: Date): Promise<DecideResult> {
  if (record.requiredApprovals < 2) throw new DomainError('approval_abstain_single');
  await tx.approvalDecision.create({ data: { requestId: record.id, deciderId: input.deciderId, verdict: 'abstain', reason: null, at: now, onBehalfOfId: input.onBehalfOfId } });
  await recordAudit({ db: tx, clock }, { actorId: input.deciderId, action: 'approval.abstained', subject: `approval:${record.id}`, detail: { kind: record.kind, subjectId: record.subjectId } });
  await announceApprovalSettled({ db: tx, clock }, record.id);
  await announceAbstention({ db: tx, clock }, { requestId: record.id, abstainerId: input.deciderId });
  return { result: 'abstained', record: await requireApproval(tx, record.id) };
}

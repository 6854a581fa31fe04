// Reading approval requests back, with their decisions in the order they were made.
import type { Db } from '../../db/client.ts';
import { DomainError } from '../../errors.ts';
import type { AnyApprovalKind, ApprovalSnapshot } from './approval-kind.ts';
import { approvalKindOf } from './approval-kinds.ts';

export async function findApproval(db: Db, id: bigint) {
  return db.approvalRequest.findUnique({ where: { id }, include: { decisions: { orderBy: [{ at: 'asc' }, { id: 'asc' }] } } });
}

export type ApprovalRecord = NonNullable<Awaited<ReturnType<typeof findApproval>>>;

export async function requireApproval(db: Db, id: bigint): Promise<ApprovalRecord> {
  const found = await findApproval(db, id);
  if (!found) throw new DomainError('approval_not_found');
  return found;
}

/** The request as its kind sees it; the details are validated by the kind's schema. */
export function snapshotOf(record: ApprovalRecord, kind: AnyApprovalKind = approvalKindOf(record.kind)): ApprovalSnapshot<unknown> {
  const deciders = record.status === 'rejected'
    ? record.decisions.filter((d) => d.verdict === 'reject')
    : record.decisions.filter((d) => d.verdict === 'approve');
  return {
    id: record.id,
    kind: record.kind,
    subjectId: record.subjectId,
    regionCode: record.regionCode,
    requesterId: record.requesterId,
    details: kind.details.parse(record.details),
    reason: record.reason,
    value: record.value,
    rejectionReason: record.rejectionReason,
    deciderIds: record.status === 'expired' ? [] : deciders.map((d) => d.deciderId),
  };
}

// The end of an undecided request: expired, once, by whoever gets there first (a
// conditional update), with the kind's expiry effect in the same transaction.
import { announceApprovalSettled } from './approval-announcements.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../audit.ts';
import type { Deps } from '../deps.ts';
import { approvalKindOf } from './approval-kinds.ts';
import { requireApproval, snapshotOf, type ApprovalRecord } from './find-approval.ts';

/** Expires the request if it is still pending and past its expiry; null if not. */
export async function expireApproval(deps: Deps, requestId: bigint): Promise<ApprovalRecord | null> {
  return inTransaction(deps.db, async (tx) => {
    const now = deps.clock.now();
    const won = await tx.approvalRequest.updateMany({
      where: { id: requestId, status: 'pending', expiresAt: { lte: now } },
      data: { status: 'expired', decidedAt: now },
    });
    if (won.count === 0) return null;
    const record = await requireApproval(tx, requestId);
    const kind = approvalKindOf(record.kind);
    await kind.onExpired({ tx, clock: deps.clock }, snapshotOf(record, kind));
    await recordAudit({ db: tx, clock: deps.clock }, {
      actorId: 'system',
      action: 'approval.expired',
      subject: `approval:${record.id}`,
      detail: { kind: record.kind, subjectId: record.subjectId },
    });
    await announceApprovalSettled({ db: tx, clock: deps.clock }, record.id);
    return record;
  });
}

/** Stamps the reminder; true only for the one caller that stamped it. */
export async function markApprovalReminded(deps: Deps, requestId: bigint): Promise<boolean> {
  const stamped = await deps.db.approvalRequest.updateMany({
    where: { id: requestId, status: 'pending', remindedAt: null },
    data: { remindedAt: deps.clock.now() },
  });
  return stamped.count === 1;
}

/** Remembers where the request was posted, so it can be updated in place. */
export async function recordApprovalMessage(deps: Pick<Deps, 'db'>, requestId: bigint, message: { channelId: string; ts: string }): Promise<void> {
  await deps.db.approvalRequest.updateMany({ where: { id: requestId, messageTs: null }, data: { channelId: message.channelId, messageTs: message.ts } });
}

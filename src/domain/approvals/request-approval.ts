// Opens an approval request inside the caller's transaction, together with the change
// that needs it (e.g. a retention case put on hold), arms its deadline timer and writes
// its announcement: the outbox posts it to the supervisors once the transaction has
// committed (src/slack/approvals/publish-approval.ts).
import { announceApprovalRequested } from './approval-announcements.ts';
import type { Clock } from '../../clock.ts';
import type { Prisma } from '../../db/client.ts';
import { recordAudit } from '../audit.ts';
import { scheduleTimer } from '../timers/schedule-timer.ts';
import type { ApprovalKind } from './approval-kind.ts';
import { approvalDeadlines, requiredApprovals, type ApprovalTiming } from './approval-policy.ts';

export const approvalDeadlineTimer = 'approval.deadline';

export type RequestApprovalInput<Details> = {
  subjectId: string;
  regionCode: string;
  requesterId: string;
  details: Details;
  /** Why the requester asks, in their words. */
  reason?: string | null;
  /** What the request is worth, in the kind's unit; drives the two-approver rule. */
  value?: number | null;
  /** Above this value two people must approve; null/undefined: one is enough. */
  twoApproversAbove?: number | null;
  timing: ApprovalTiming;
  /** Instants that replace `timing` (a kind answered within N working days counts on the work calendar). */
  deadlines?: { remindAt: Date; expiresAt: Date };
};

export async function requestApproval<Details>(
  tx: Prisma.TransactionClient,
  clock: Clock,
  kind: ApprovalKind<Details>,
  input: RequestApprovalInput<Details>,
): Promise<{ id: bigint; requiredApprovals: number }> {
  const details = kind.details.parse(input.details);
  const now = clock.now();
  const value = input.value ?? null;
  const { remindAt, expiresAt } = input.deadlines ?? approvalDeadlines(now, input.timing);
  const created = await tx.approvalRequest.create({
    data: {
      kind: kind.kind,
      subjectId: input.subjectId,
      regionCode: input.regionCode,
      requesterId: input.requesterId,
      details: details as object,
      reason: input.reason ?? null,
      value,
      requiredApprovals: requiredApprovals(value, input.twoApproversAbove),
      remindAt,
      expiresAt,
      createdAt: now,
    },
  });
  await scheduleTimer({ db: tx }, { kind: approvalDeadlineTimer, subjectId: String(created.id), dueAt: remindAt });
  await recordAudit({ db: tx, clock: clock }, {
    actorId: input.requesterId,
    action: 'approval.requested',
    subject: `approval:${created.id}`,
    detail: { kind: kind.kind, subjectId: input.subjectId, value, requiredApprovals: created.requiredApprovals },
  });
  await announceApprovalRequested({ db: tx, clock: clock }, created.id);
  return { id: created.id, requiredApprovals: created.requiredApprovals };
}

// Approval kind 'retention.offer': an offer above the manager's authority. Until a
// supervisor approves, the case is on hold and the offer is not recorded as made;
// approval makes the outcome stand, rejection or expiry releases the case unchanged.
import { z } from 'zod';
import type { Prisma } from '../../db/client.ts';
import { recordAudit } from '../audit.ts';
import { defineApprovalKind, type ApprovalEffectDeps, type ApprovalSnapshot } from '../approvals/approval-kind.ts';
import { applyRetentionOutcome } from './apply-retention-outcome.ts';
import { retentionOutcomes, retentionReasons, retentionTriggers } from './retention-choices.ts';

const details = z.object({
  caseId: z.string(),
  customerCode: z.string(),
  customerName: z.string(),
  offerCode: z.string(),
  offerName: z.object({ en: z.string(), 'zh-CN': z.string() }),
  offerValue: z.number().int(),
  authority: z.number().int(),
  outcome: z.enum(retentionOutcomes),
  trigger: z.enum(retentionTriggers),
  reasons: z.array(z.enum(retentionReasons)),
  followUpOn: z.string().nullable(),
  followUpDueAt: z.iso.datetime().nullable(),
});

export type RetentionOfferDetails = z.infer<typeof details>;

async function caseOnHold(tx: Prisma.TransactionClient, request: ApprovalSnapshot<RetentionOfferDetails>) {
  const found = await tx.retentionCase.findUnique({ where: { id: BigInt(request.details.caseId) } });
  // The case waits for exactly this request; anything else is a bug worth stopping on.
  if (!found || found.status !== 'pending_approval' || found.approvalRequestId !== request.id) {
    throw new Error(`retention case ${request.details.caseId} is not waiting for approval ${request.id}`);
  }
  return found;
}

async function release({ tx, clock }: ApprovalEffectDeps, request: ApprovalSnapshot<RetentionOfferDetails>, why: string): Promise<void> {
  const held = await caseOnHold(tx, request);
  await tx.retentionCase.update({
    where: { id: held.id },
    data: { status: 'open', proposedOutcome: null, proposedOfferCode: null, proposedOfferValue: null, proposedFollowUpOn: null },
  });
  await recordAudit({ db: tx, clock: clock }, {
    actorId: request.deciderIds[0] ?? 'system',
    action: 'retention.offer_not_recorded',
    subject: `retention_case:${held.id}`,
    detail: { approvalId: String(request.id), why, offerCode: request.details.offerCode },
  });
}

export const retentionOfferApproval = defineApprovalKind<RetentionOfferDetails>({
  kind: 'retention.offer',
  details,
  async onApproved({ tx, clock }, request) {
    const held = await caseOnHold(tx, request);
    const d = request.details;
    await applyRetentionOutcome({ db: tx, clock: clock }, held, {
      outcome: d.outcome,
      offerCode: d.offerCode,
      offerValue: d.offerValue,
      followUpOn: d.followUpOn,
      followUpDueAt: d.followUpDueAt ? new Date(d.followUpDueAt) : null,
    });
    await recordAudit({ db: tx, clock: clock }, {
      actorId: request.deciderIds.at(-1) ?? 'system',
      action: 'retention.offer_recorded',
      subject: `retention_case:${held.id}`,
      detail: { approvalId: String(request.id), offerCode: d.offerCode, offerValue: d.offerValue, outcome: d.outcome, approvers: request.deciderIds },
    });
  },
  onRejected: (deps, request) => release(deps, request, 'rejected'),
  onExpired: (deps, request) => release(deps, request, 'expired'),
});

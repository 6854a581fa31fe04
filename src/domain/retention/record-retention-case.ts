// `/retain`: the manager records a retention case. Within their authority the offer and
// outcome stand at once; above it the case waits for a supervisor (the offer is not
// recorded as made) and an approval request is opened in the same transaction.
import { announceCustomerHomes } from '../home/home-announcements.ts';
import { inTransaction } from '../../db/transaction.ts';
import { DomainError } from '../../errors.ts';
import type { RetentionOutcome, RetentionReason, RetentionTrigger } from '../../generated/prisma/enums.ts';
import { recordAudit } from '../audit.ts';
import { requestApproval } from '../approvals/request-approval.ts';
import type { Deps } from '../deps.ts';
import { requireStaff, type StaffMember } from '../directory/find-staff.ts';
import { applyRetentionOutcome, asDbDate } from './apply-retention-outcome.ts';
import { localDateOf } from '../local-time.ts';
import { findOffer, type Offer } from './offer-catalogue.ts';
import { retentionOfferApproval } from './retention-offer-approval.ts';
import { followUpDueAt, offerAuthority, offerNeedsApproval } from './retention-policy.ts';
import type { RetentionSettings } from './retention-settings.ts';

export type RetentionCaseInput = {
  customerCode: string;
  trigger: RetentionTrigger;
  reasons: RetentionReason[];
  offerCode: string;
  outcome: RetentionOutcome;
  /**
   * 'YYYY-MM-DD'; required when the outcome is "considering" (a reminder to ask again),
   * optional when "retained" (a reminder to call back and check all is well), refused
   * when "churned".
   */
  followUpOn: string | null;
  notes: string | null;
};

export type RecordRetentionResult = {
  caseId: bigint;
  customer: { code: string; name: string };
  offer: Offer;
  outcome: RetentionOutcome;
  /** The date of the reminder the case brings (once its outcome stands), if any. */
  followUpOn: string | null;
  /** Set when the offer waits for approval. */
  approval: { id: bigint; requiredApprovals: number } | null;
};

/** Who may record a case for a customer: its manager, a supervisor of its region, an admin. */
export function mayRecordFor(staff: StaffMember, customer: { accountManagerId: string | null; regionCode: string }): boolean {
  if (staff.role === 'admin') return true;
  if (staff.role === 'supervisor') return staff.regionCode === customer.regionCode;
  return staff.role === 'account_manager' && customer.accountManagerId === staff.slackUserId;
}

export async function recordRetentionCase(deps: Deps, settings: RetentionSettings, input: RetentionCaseInput & { actorId: string }): Promise<RecordRetentionResult> {
  const actor = await requireStaff(deps, input.actorId);
  const customer = await deps.db.customer.findUnique({ where: { code: input.customerCode } });
  if (!customer) throw new DomainError('retention_unknown_customer', { code: input.customerCode });
  if (!mayRecordFor(actor, customer)) throw new DomainError('retention_not_your_customer', { code: customer.code });
  const offer = findOffer(settings.offers, input.offerCode);
  if (!offer) throw new DomainError('retention_unknown_offer', { code: input.offerCode });
  if (input.reasons.length === 0) throw new DomainError('retention_reasons_required');

  const timezone = actor.timezone ?? settings.timezone;
  const followUpOn = input.followUpOn;
  if (input.outcome === 'considering' && !followUpOn) throw new DomainError('retention_follow_up_required');
  if (input.outcome === 'churned' && followUpOn) throw new DomainError('retention_follow_up_churned');
  if (followUpOn && followUpOn < localDateOf(deps.clock.now(), timezone)) throw new DomainError('retention_follow_up_past', { date: followUpOn });
  const dueAt = followUpOn ? followUpDueAt(followUpOn, timezone, settings.followUpHour) : null;
  const authority = offerAuthority(actor, settings.authorityByGrade);

  return inTransaction(deps.db, async (tx) => {
    // One open case per customer, even when two people submit at the same moment.
    await tx.$queryRaw`SELECT code FROM customers WHERE code = ${customer.code} FOR UPDATE`;
    const existing = await tx.retentionCase.findFirst({ where: { customerCode: customer.code, status: { in: ['open', 'pending_approval'] } } });
    if (existing?.status === 'pending_approval') throw new DomainError('retention_case_pending', { code: customer.code, caseId: `R-${existing.id}` });
    const analysis = { trigger: input.trigger, reasons: input.reasons, notes: input.notes };
    const row = existing
      ? await tx.retentionCase.update({ where: { id: existing.id }, data: analysis })
      : await tx.retentionCase.create({
          data: { ...analysis, customerCode: customer.code, managerId: actor.slackUserId, regionCode: customer.regionCode, status: 'open', openedAt: deps.clock.now() },
        });
    const result = { caseId: row.id, customer: { code: customer.code, name: customer.name }, offer, outcome: input.outcome, followUpOn };

    if (offerNeedsApproval(offer.value, authority)) {
      const approval = await requestApproval(tx, deps.clock, retentionOfferApproval, {
        subjectId: String(row.id),
        regionCode: customer.regionCode,
        requesterId: actor.slackUserId,
        reason: input.notes,
        value: offer.value,
        twoApproversAbove: settings.twoApproversAbove,
        timing: settings.approvalTiming,
        details: {
          caseId: String(row.id),
          customerCode: customer.code,
          customerName: customer.name,
          offerCode: offer.code,
          offerName: offer.name,
          offerValue: offer.value,
          authority,
          outcome: input.outcome,
          trigger: input.trigger,
          reasons: input.reasons,
          followUpOn,
          followUpDueAt: dueAt?.toISOString() ?? null,
        },
      });
      await tx.retentionCase.update({
        where: { id: row.id },
        data: {
          status: 'pending_approval',
          proposedOutcome: input.outcome,
          proposedOfferCode: offer.code,
          proposedOfferValue: offer.value,
          proposedFollowUpOn: followUpOn ? asDbDate(followUpOn) : null,
          approvalRequestId: approval.id,
        },
      });
      await recordAudit({ db: tx, clock: deps.clock }, {
        actorId: actor.slackUserId,
        action: 'retention.offer_awaiting_approval',
        subject: `retention_case:${row.id}`,
        detail: { customerCode: customer.code, offerCode: offer.code, offerValue: offer.value, authority, outcome: input.outcome, approvalId: String(approval.id) },
      });
      await announceCustomerHomes({ db: tx, clock: deps.clock }, { actorId: actor.slackUserId, customerCode: customer.code });
      return { ...result, approval };
    }

    await applyRetentionOutcome({ db: tx, clock: deps.clock }, row, { outcome: input.outcome, offerCode: offer.code, offerValue: offer.value, followUpOn, followUpDueAt: dueAt });
    await recordAudit({ db: tx, clock: deps.clock }, {
      actorId: actor.slackUserId,
      action: 'retention.case_recorded',
      subject: `retention_case:${row.id}`,
      detail: { customerCode: customer.code, trigger: input.trigger, reasons: input.reasons, offerCode: offer.code, offerValue: offer.value, outcome: input.outcome, followUpOn },
    });
    await announceCustomerHomes({ db: tx, clock: deps.clock }, { actorId: actor.slackUserId, customerCode: customer.code });
    return { ...result, approval: null };
  });
}

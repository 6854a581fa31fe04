// Makes an outcome stand: the case records the offer and outcome, a final outcome
// closes it and updates the customer's status (with a history row, which the churn
// figures count). A follow-up date arms its reminder: for "considering", to ask again
// (the case stays open); for "retained", to call the customer back (the case is closed
// all the same). Used when a case is within the manager's authority and when a
// supervisor approves one that was not.
import type { Deps } from '../deps.ts';
import type { Prisma } from '../../db/client.ts';
import type { RetentionOutcome } from '../../generated/prisma/enums.ts';
import { cancelTimer, scheduleTimer } from '../timers/schedule-timer.ts';

export const followUpTimer = 'retention.follow_up';

export type StandingOutcome = {
  outcome: RetentionOutcome;
  offerCode: string;
  offerValue: number;
  /** 'YYYY-MM-DD'; for "considering" and (a callback) "retained". */
  followUpOn: string | null;
  followUpDueAt: Date | null;
};

type CaseRow = Prisma.RetentionCaseGetPayload<object>;

export const dateOnly = (date: Date | null): string | null => (date ? date.toISOString().slice(0, 10) : null);
export const asDbDate = (date: string): Date => new Date(`${date}T00:00:00Z`);

export async function applyRetentionOutcome(deps: Deps, current: CaseRow, standing: StandingOutcome): Promise<void> {
  const { db: tx, clock } = deps;
  const now = clock.now();
  const considering = standing.outcome === 'considering';
  const followUpOn = standing.outcome === 'churned' ? null : standing.followUpOn;
  const newDate = followUpOn !== dateOnly(current.followUpOn);
  await tx.retentionCase.update({
    where: { id: current.id },
    data: {
      outcome: standing.outcome,
      offerCode: standing.offerCode,
      offerValue: standing.offerValue,
      followUpOn: followUpOn ? asDbDate(followUpOn) : null,
      // A new date deserves its own reminder; the same date was already reminded of.
      ...(newDate ? { followUpRemindedAt: null } : {}),
      proposedOutcome: null,
      proposedOfferCode: null,
      proposedOfferValue: null,
      proposedFollowUpOn: null,
      status: considering ? 'open' : 'closed',
      closedAt: considering ? null : now,
    },
  });

  const timer = { kind: followUpTimer, subjectId: String(current.id) };
  if (followUpOn && standing.followUpDueAt && (newDate || current.followUpRemindedAt === null)) {
    await scheduleTimer({ db: tx }, { ...timer, dueAt: standing.followUpDueAt });
  } else if (!followUpOn) {
    await cancelTimer({ db: tx }, timer);
  }

  if (standing.outcome === 'considering') return;
  const customer = await tx.customer.findUniqueOrThrow({ where: { code: current.customerCode } });
  const status = standing.outcome === 'churned' ? 'churned' : 'active';
  if (customer.status === status) return;
  await tx.customer.update({
    where: { code: customer.code },
    data: status === 'churned'
      ? { status, churnedAt: now, churnReason: current.reasons.join(', ') }
      : { status, churnedAt: null, churnReason: null },
  });
  await tx.customerStatusChange.create({
    data: { customerCode: customer.code, status, at: now, cause: current.trigger, reasons: current.reasons, caseId: current.id },
  });
}

// The "considering" follow-up: due once per follow-up date. The stamp
// (followUpRemindedAt) is what makes it once, across restarts too: the sweep fires
// the timer, the reminder is sent, and only an unstamped case is reminded.
import type { Deps } from '../deps.ts';
import { dateOnly } from './apply-retention-outcome.ts';

export async function followUpDue(deps: Pick<Deps, 'db'>, caseId: bigint) {
  const found = await deps.db.retentionCase.findUnique({ where: { id: caseId } });
  // A case closed, or no longer considering, or already reminded has nothing due.
  if (!found || found.status === 'closed' || found.outcome !== 'considering' || !found.followUpOn || found.followUpRemindedAt) return null;
  const customer = await deps.db.customer.findUnique({ where: { code: found.customerCode }, select: { code: true, name: true } });
  return { case: found, customer: customer ?? { code: found.customerCode, name: found.customerCode }, followUpOn: dateOnly(found.followUpOn)! };
}

export type DueFollowUp = NonNullable<Awaited<ReturnType<typeof followUpDue>>>;

/** Stamps the reminder for that date; false if it was already stamped or the date moved. */
export async function markFollowUpReminded(deps: Deps, due: DueFollowUp): Promise<boolean> {
  const stamped = await deps.db.retentionCase.updateMany({
    where: { id: due.case.id, followUpRemindedAt: null, followUpOn: due.case.followUpOn },
    data: { followUpRemindedAt: deps.clock.now() },
  });
  return stamped.count === 1;
}

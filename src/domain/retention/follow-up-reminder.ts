// A case's follow-up, due once per follow-up date: a "considering" case's reminder to
// ask again, or a retained customer's callback. The stamp (followUpRemindedAt) is what
// makes it once, across restarts too: the sweep fires the timer, the reminder is sent,
// and only an unstamped case is reminded.
import type { Deps } from '../deps.ts';
import { dateOnly } from './apply-retention-outcome.ts';

export async function followUpDue(deps: Pick<Deps, 'db'>, caseId: bigint) {
  const found = await deps.db.retentionCase.findUnique({ where: { id: caseId } });
  if (!found || !found.followUpOn || found.followUpRemindedAt) return null;
  const customer = await deps.db.customer.findUnique({ where: { code: found.customerCode }, select: { code: true, name: true, status: true } });
  const followUpOn = dateOnly(found.followUpOn)!;
  const shown = { code: found.customerCode, name: customer?.name ?? found.customerCode };
  // Still considering: ask again. Retained (and not lost since): call them back.
  if (found.outcome === 'considering' && found.status === 'open') return { kind: 'considering' as const, case: found, customer: shown, followUpOn };
  if (found.outcome === 'retained' && found.status === 'closed' && customer?.status !== 'churned') return { kind: 'callback' as const, case: found, customer: shown, followUpOn };
  return null;
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

// The report timer ('plan.report', subject = plan id) of an approved plan: at the end of
// the event day the manager is asked for the report (due in PLAN_REPORT_WORKING_DAYS
// working days); at the due time, still missing, they are reminded once more.
import { inTransaction } from '../../db/transaction.ts';
import type { Deps } from '../deps.ts';
import { announce } from '../outbox/announce.ts';

export const planAnnouncementKinds = { reportAsked: 'plan.report_asked', reportOverdue: 'plan.report_overdue' } as const;

/** What the timer does now; the next instant, or null when it is done. */
export async function stepPlanReport(deps: Deps, input: { planId: bigint; dueAt: Date }): Promise<Date | null> {
  const now = deps.clock.now();
  return inTransaction(deps.db, async (tx) => {
    const plan = await tx.activityPlan.findUnique({ where: { id: input.planId } });
    if (!plan || plan.status !== 'approved') return null;
    const overdue = now >= input.dueAt;
    await announce({ db: tx, clock: deps.clock }, {
      kind: overdue ? planAnnouncementKinds.reportOverdue : planAnnouncementKinds.reportAsked,
      subject: `activity_plan:${plan.id}`,
      payload: { planId: String(plan.id) },
    });
    return overdue ? null : input.dueAt;
  });
}

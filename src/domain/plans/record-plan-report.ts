// After the event the manager records how it went (attendance, satisfaction): once, on
// an approved plan, by the manager who submitted it; the report timer is cleared.
import { inTransaction } from '../../db/transaction.ts';
import { DomainError } from '../../errors.ts';
import { recordAudit } from '../audit.ts';
import type { Deps } from '../deps.ts';
import { cancelTimer } from '../timers/schedule-timer.ts';
import { planReportTimer } from './activity-plan-approval.ts';
import { parsePlanReport } from './plan-input.ts';

export async function recordPlanReport(deps: Deps, input: { actorId: string; planId: bigint; fields: Record<string, unknown> }) {
  const report = parsePlanReport(input.fields);
  const plan = await requireOwnPlan(deps, input);
  if (plan.status === 'reported') throw new DomainError('plan_already_reported');
  if (plan.status !== 'approved') throw new DomainError('plan_not_approved');
  const now = deps.clock.now();
  return inTransaction(deps.db, async (tx) => {
    const done = await tx.activityPlan.updateMany({ where: { id: plan.id, status: 'approved' }, data: { status: 'reported', attendance: report.attendance, satisfaction: report.satisfaction, reportNote: report.note, reportedAt: now } });
    if (done.count !== 1) throw new DomainError('plan_already_reported');
    await cancelTimer({ db: tx }, { kind: planReportTimer, subjectId: String(plan.id) });
    await recordAudit({ db: tx, clock: deps.clock }, {
      actorId: input.actorId,
      action: 'plan.reported',
      subject: `activity_plan:${plan.id}`,
      detail: { attendance: report.attendance, satisfaction: report.satisfaction },
    });
    return { planId: plan.id, theme: plan.theme, ...report };
  });
}

/** The plan, if the actor is the manager who submitted it. */
export async function requireOwnPlan(deps: Pick<Deps, 'db'>, input: { actorId: string; planId: bigint }) {
  const plan = await deps.db.activityPlan.findUnique({ where: { id: input.planId } });
  if (!plan) throw new DomainError('plan_unknown');
  if (plan.managerId !== input.actorId) throw new DomainError('plan_not_yours');
  return plan;
}

// An account manager submits a club activity plan: the plan and its approval request
// (kind 'activity.plan', deadlines in working days on the work calendar) are written in
// one transaction; the request's announcement posts it to the region's supervisors.
import type { Config } from '../../config.ts';
import { inTransaction } from '../../db/transaction.ts';
import { DomainError } from '../../errors.ts';
import { requestApproval } from '../approvals/request-approval.ts';
import { recordAudit } from '../audit.ts';
import { loadWorkCalendar } from '../calendar/load-work-calendar.ts';
import type { Deps } from '../deps.ts';
import { requireStaff } from '../directory/find-staff.ts';
import { localDateOf, toDbDate } from '../local-time.ts';
import { activityPlanApproval } from './activity-plan-approval.ts';
import { planAnswerDeadlines, planReportDates } from './plan-deadlines.ts';
import { parsePlanInput } from './plan-input.ts';

export type PlanDeps = Deps & { config: Pick<Config, 'plans' | 'approvals' | 'workingHours' | 'timezone'> & { visits: Pick<Config['visits'], 'workingDays'> } };

export type SubmittedPlan = { planId: bigint; approvalId: bigint; theme: string; expiresAt: Date };

export async function submitActivityPlan(deps: PlanDeps, input: { actorId: string; fields: Record<string, unknown> }): Promise<SubmittedPlan> {
  const now = deps.clock.now();
  const { config } = deps;
  const staff = await requireStaff(deps, input.actorId);
  if (staff.role !== 'account_manager' || !staff.regionCode) throw new DomainError('plan_not_manager');
  const regionCode = staff.regionCode;
  const hours = { timeZone: config.timezone, workingHours: config.workingHours };
  const fields = parsePlanInput(input.fields, localDateOf(now, config.timezone));

  return inTransaction(deps.db, async (tx) => {
    const calendar = await loadWorkCalendar(tx, { around: now, regularWeek: config.visits.workingDays });
    const deadlines = planAnswerDeadlines(calendar, now, config.plans.answerWorkingDays, hours);
    const report = planReportDates(calendar, fields.eventOn, config.plans.reportWorkingDays, hours);
    const plan = await tx.activityPlan.create({
      data: { managerId: staff.slackUserId, regionCode, ...fields, eventOn: toDbDate(fields.eventOn), status: 'pending', reportDueOn: toDbDate(report.dueOn), createdAt: now },
    });
    const approval = await requestApproval(tx, deps.clock, activityPlanApproval, {
      subjectId: String(plan.id),
      regionCode,
      requesterId: staff.slackUserId,
      value: fields.budgetYuan,
      timing: config.approvals,
      deadlines,
      details: {
        planId: String(plan.id),
        ...fields,
        reportAskAt: report.askAt.toISOString(),
        reportDueOn: report.dueOn,
        reportDueAt: report.dueAt.toISOString(),
      },
    });
    await tx.activityPlan.update({ where: { id: plan.id }, data: { approvalRequestId: approval.id } });
    await recordAudit({ db: tx, clock: deps.clock }, {
      actorId: staff.slackUserId,
      action: 'plan.submitted',
      subject: `activity_plan:${plan.id}`,
      detail: { theme: fields.theme, eventOn: fields.eventOn, budgetYuan: fields.budgetYuan, approvalId: String(approval.id) },
    });
    return { planId: plan.id, approvalId: approval.id, theme: fields.theme, expiresAt: deadlines.expiresAt };
  });
}

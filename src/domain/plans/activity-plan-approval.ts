// Approval kind 'activity.plan': a club activity plan goes to the region's supervisors,
// answered within PLAN_ANSWER_WORKING_DAYS (the request's deadlines are set on the work
// calendar when it is submitted). Approval arms the report timer (asked at the end of
// the event day, due PLAN_REPORT_WORKING_DAYS working days later); a rejection or an
// expiry closes the plan.
import { z } from 'zod';
import { defineApprovalKind, type ApprovalEffectDeps, type ApprovalSnapshot } from '../approvals/approval-kind.ts';
import { recordAudit } from '../audit.ts';
import { scheduleTimer } from '../timers/schedule-timer.ts';

export const planReportTimer = 'plan.report';

const details = z.object({
  planId: z.string(),
  theme: z.string(),
  purpose: z.string(),
  eventOn: z.string(),
  targetMembers: z.string(),
  places: z.number().int(),
  budgetYuan: z.number().int(),
  reportAskAt: z.iso.datetime(),
  reportDueOn: z.string(),
  reportDueAt: z.iso.datetime(),
});

export type ActivityPlanDetails = z.infer<typeof details>;

async function settle({ tx, clock }: ApprovalEffectDeps, request: ApprovalSnapshot<ActivityPlanDetails>, status: 'approved' | 'rejected' | 'expired'): Promise<void> {
  const planId = BigInt(request.details.planId);
  const moved = await tx.activityPlan.updateMany({ where: { id: planId, status: 'pending', approvalRequestId: request.id }, data: { status } });
  // The plan waits for exactly this request; anything else is a bug worth stopping on.
  if (moved.count !== 1) throw new Error(`activity plan ${planId} is not waiting for approval ${request.id}`);
  if (status === 'approved') await scheduleTimer({ db: tx }, { kind: planReportTimer, subjectId: request.details.planId, dueAt: new Date(request.details.reportAskAt) });
  await recordAudit({ db: tx, clock }, {
    actorId: request.deciderIds.at(-1) ?? 'system',
    action: `plan.${status}`,
    subject: `activity_plan:${planId}`,
    detail: { approvalId: String(request.id), theme: request.details.theme },
  });
}

export const activityPlanApproval = defineApprovalKind<ActivityPlanDetails>({
  kind: 'activity.plan',
  details,
  onApproved: (deps, request) => settle(deps, request, 'approved'),
  onRejected: (deps, request) => settle(deps, request, 'rejected'),
  onExpired: (deps, request) => settle(deps, request, 'expired'),
});

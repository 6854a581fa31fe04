// The approval rules that are pure arithmetic: how many approvers a request needs and
// when an undecided request reminds and expires. Values come from config.
export type ApprovalTiming = { remindAfterMinutes: number; expireAfterMinutes: number };

/** Two approvers when a threshold is set and the value is above it, else one. */
export function requiredApprovals(value: number | null, twoApproversAbove: number | null | undefined): 1 | 2 {
  return value !== null && twoApproversAbove !== null && twoApproversAbove !== undefined && value > twoApproversAbove ? 2 : 1;
}

export function approvalDeadlines(createdAt: Date, timing: ApprovalTiming): { remindAt: Date; expiresAt: Date } {
  const at = createdAt.getTime();
  return {
    remindAt: new Date(at + timing.remindAfterMinutes * 60_000),
    expiresAt: new Date(at + timing.expireAfterMinutes * 60_000),
  };
}

export type DeadlineState = { status: string; remindAt: Date; expiresAt: Date; remindedAt: Date | null };
export type DeadlineStep = { action: 'none' | 'remind' | 'expire'; next: Date | null };

/**
 * What the deadline timer must do at `now`. A bot that was down past the expiry
 * expires the request without a late reminder first: one message, not two.
 */
export function deadlineStep(request: DeadlineState, now: Date): DeadlineStep {
  if (request.status !== 'pending') return { action: 'none', next: null };
  if (now >= request.expiresAt) return { action: 'expire', next: null };
  if (request.remindedAt === null && now >= request.remindAt) return { action: 'remind', next: request.expiresAt };
  return { action: 'none', next: request.remindedAt === null ? request.remindAt : request.expiresAt };
}

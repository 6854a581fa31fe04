// Approvals while away: a supervisor names a deputy (another supervisor, or an admin) for
// the local days FROM through TO, in the supervisor's own time zone. Requests of the
// supervisor's region opened in that window also go to the deputy, who may decide them
// on the supervisor's behalf (the decision says so). The window is [startsAt, endsAt):
// the first instant of FROM is in, the first instant after TO is out.
import { inTransaction } from '../../db/transaction.ts';
import { DomainError } from '../../errors.ts';
import { recordAudit } from '../audit.ts';
import type { Deps } from '../deps.ts';
import { findStaff, requireStaff, type StaffMember } from '../directory/find-staff.ts';
import { localDayRange } from '../local-time.ts';
import type { AnyApprovalKind, ApprovalSnapshot } from './approval-kind.ts';
import { deciderRefusal } from './decider-policy.ts';

/** Longest absence one command covers. */
const longestDays = 90;

/** `defaultTimeZone`: the bot's, for a supervisor without one of their own. */
export async function delegateApprovals(deps: Deps, input: { delegatorId: string; deputyId: string; from: string; to: string; defaultTimeZone: string }) {
  const delegator = await requireStaff(deps, input.delegatorId);
  if (delegator.role !== 'supervisor' || !delegator.regionCode) throw new DomainError('away_not_a_supervisor');
  if (input.deputyId === input.delegatorId) throw new DomainError('away_self_deputy');
  const deputy = await findStaff(deps, input.deputyId);
  if (!deputy?.active || (deputy.role !== 'supervisor' && deputy.role !== 'admin')) throw new DomainError('away_deputy_not_supervisor', { user: input.deputyId });
  const timeZone = delegator.timezone ?? input.defaultTimeZone;
  const window = localDayRange(input.from, input.to, timeZone);
  if (!window) throw new DomainError('away_bad_dates', { from: input.from, to: input.to });
  if (window.to.getTime() - window.from.getTime() > longestDays * 86_400_000) throw new DomainError('away_too_long', { days: longestDays });
  if (window.to.getTime() <= deps.clock.now().getTime()) throw new DomainError('away_in_the_past', { to: input.to });
  const now = deps.clock.now();
  const delegation = await inTransaction(deps.db, async (tx) => {
    const row = await tx.approvalDelegation.create({ data: { delegatorId: delegator.slackUserId, deputyId: deputy.slackUserId, startsAt: window.from, endsAt: window.to, createdAt: now } });
    await recordAudit({ db: tx, clock: deps.clock }, {
      actorId: delegator.slackUserId,
      action: 'approval.delegated',
      subject: `staff:${delegator.slackUserId}`,
      detail: { deputyId: deputy.slackUserId, startsAt: window.from.toISOString(), endsAt: window.to.toISOString() },
    });
    return row;
  });
  return { delegation, regionCode: delegator.regionCode };
}

/** Deputies of the region's supervisors away at `at` (a request opened then goes to them too). */
export async function deputiesAt(deps: Pick<Deps, 'db'>, input: { regionCode: string; at: Date; requesterId: string }): Promise<{ deputyId: string; delegatorId: string }[]> {
  const rows = await deps.db.approvalDelegation.findMany({
    where: { startsAt: { lte: input.at }, endsAt: { gt: input.at } },
    orderBy: { id: 'asc' },
  });
  if (rows.length === 0) return [];
  const delegators = await deps.db.staff.findMany({
    where: { slackUserId: { in: rows.map((r) => r.delegatorId) }, active: true, role: 'supervisor', regionCode: input.regionCode },
    select: { slackUserId: true },
  });
  const away = new Set(delegators.map((d) => d.slackUserId));
  const seen = new Set<string>();
  return rows
    .filter((r) => away.has(r.delegatorId) && r.deputyId !== input.requesterId)
    .filter((r) => !seen.has(r.deputyId) && seen.add(r.deputyId))
    .map((r) => ({ deputyId: r.deputyId, delegatorId: r.delegatorId }));
}

/**
 * The supervisor a deputy may decide this request for: one who delegated to them for a
 * window holding the moment the request was opened, and who could decide it themselves.
 */
export async function delegatorFor(
  deps: Pick<Deps, 'db'>,
  input: { deputyId: string; request: ApprovalSnapshot<unknown>; kind: AnyApprovalKind; openedAt: Date },
): Promise<StaffMember | null> {
  const rows = await deps.db.approvalDelegation.findMany({
    where: { deputyId: input.deputyId, startsAt: { lte: input.openedAt }, endsAt: { gt: input.openedAt } },
    orderBy: { id: 'asc' },
  });
  for (const row of rows) {
    const delegator = await findStaff(deps, row.delegatorId);
    if (delegator && deciderRefusal(delegator, input.request, input.kind) === null) return delegator;
  }
  return null;
}

// Visit check-in / check-out: Start visit records when the account manager arrived at a
// customer, End visit when they left; the duration is plain arithmetic on the two
// instants, so a visit across midnight (23:30 → 00:45) is 75 minutes. One open check-in
// per person: a second Start is refused until the first is ended (the staff row is locked
// so that two clicks at once cannot both start one).
import { inTransaction } from '../../db/transaction.ts';
import { DomainError } from '../../errors.ts';
import { recordAudit } from '../audit.ts';
import type { Deps } from '../deps.ts';
import { requireStaff } from '../directory/find-staff.ts';
import { requireServableCustomer } from './find-customers.ts';

export type CheckIn = { id: bigint; customerCode: string; managerId: string; startedAt: Date; endedAt: Date | null };

/** Whole minutes between arrival and departure. */
export function visitMinutes(checkIn: { startedAt: Date; endedAt: Date }): number {
  return Math.round((checkIn.endedAt.getTime() - checkIn.startedAt.getTime()) / 60_000);
}

export async function openCheckInOf(deps: Pick<Deps, 'db'>, managerId: string): Promise<CheckIn | null> {
  return deps.db.visitCheckIn.findFirst({ where: { managerId, endedAt: null }, orderBy: { id: 'desc' } });
}

export async function startVisit(deps: Deps, input: { actorId: string; customerCode: string }) {
  const staff = await requireStaff(deps, input.actorId);
  const customer = await requireServableCustomer(deps, staff, input.customerCode);
  const now = deps.clock.now();
  const checkIn = await inTransaction(deps.db, async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM staff WHERE slack_user_id = ${staff.slackUserId} FOR UPDATE`;
    const open = await openCheckInOf({ db: tx }, staff.slackUserId);
    if (open) throw new DomainError('visit_already_started', { customer: open.customerCode, sinceAt: open.startedAt.getTime() });
    const created = await tx.visitCheckIn.create({ data: { customerCode: customer.code, managerId: staff.slackUserId, startedAt: now } });
    await recordAudit({ db: tx, clock: deps.clock }, { actorId: staff.slackUserId, action: 'visit.checked_in', subject: `customer:${customer.code}`, detail: { checkInId: String(created.id) } });
    return created;
  });
  return { checkIn, customer };
}

/** Ends the person's open check-in (the one a button names, when it does). */
export async function endVisit(deps: Deps, input: { actorId: string; checkInId?: bigint }) {
  await requireStaff(deps, input.actorId);
  const open = input.checkInId
    ? await deps.db.visitCheckIn.findFirst({ where: { id: input.checkInId, managerId: input.actorId } })
    : await openCheckInOf(deps, input.actorId);
  if (!open) throw new DomainError('visit_not_started');
  if (open.endedAt) throw new DomainError('visit_already_ended', { customer: open.customerCode, endedAt: open.endedAt.getTime() });
  const now = deps.clock.now();
  await inTransaction(deps.db, async (tx) => {
    // Only the first End counts.
    const ended = await tx.visitCheckIn.updateMany({ where: { id: open.id, endedAt: null }, data: { endedAt: now } });
    if (ended.count !== 1) throw new DomainError('visit_already_ended', { customer: open.customerCode, endedAt: now.getTime() });
    await recordAudit({ db: tx, clock: deps.clock }, { actorId: input.actorId, action: 'visit.checked_out', subject: `customer:${open.customerCode}`, detail: { checkInId: String(open.id), minutes: visitMinutes({ startedAt: open.startedAt, endedAt: now }) } });
  });
  const customer = await deps.db.customer.findUniqueOrThrow({ where: { code: open.customerCode }, select: { code: true, name: true } });
  const checkIn = { ...open, endedAt: now };
  return { checkIn, customer, minutes: visitMinutes(checkIn) };
}

/** Visit time per person in [start, end) (by when each visit started), for a region's customers. */
export type ManagerVisitTime = { managerId: string; name: string; minutes: number; visits: number };

export async function visitTimeByManager(deps: Pick<Deps, 'db'>, input: { regionCode: string; start: Date; end: Date }): Promise<ManagerVisitTime[]> {
  return deps.db.$queryRaw<ManagerVisitTime[]>`
    SELECT v.manager_id AS "managerId", coalesce(min(s.name), v.manager_id) AS name,
      SUM(ROUND(EXTRACT(EPOCH FROM (v.ended_at - v.started_at)) / 60))::int AS minutes, COUNT(*)::int AS visits
    FROM visit_check_ins v JOIN customers c ON c.code = v.customer_code LEFT JOIN staff s ON s.slack_user_id = v.manager_id
    WHERE c.region_code = ${input.regionCode} AND v.ended_at IS NOT NULL AND v.started_at >= ${input.start} AND v.started_at < ${input.end}
    GROUP BY v.manager_id ORDER BY minutes DESC, v.manager_id`;
}

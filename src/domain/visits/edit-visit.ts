// Editing a visit adds a version: the visit row takes the new values, the earlier
// versions stay untouched in visit_versions. The edit names the version it started
// from; if someone saved another edit meanwhile, it is refused rather than lost.
import { announceCustomerHomes } from '../home/home-announcements.ts';
import { inTransaction } from '../../db/transaction.ts';
import { DomainError } from '../../errors.ts';
import { recordAudit } from '../audit.ts';
import { fromDbDate } from '../local-time.ts';
import type { Deps } from '../deps.ts';
import { requireStaff } from '../directory/find-staff.ts';
import type { LoggedVisit } from './log-visit.ts';
import type { FollowUpPolicy } from './follow-up-policy.ts';
import { requireServableCustomer } from './find-customers.ts';
import { lockCustomers, refreshFollowUp } from './follow-up-state.ts';
import { parseVisitInput } from './visit-input.ts';
import { visitRow, type VisitRow } from './visit-row.ts';

export type EditVisitInput = {
  actorId: string;
  visitId: bigint;
  expectedVersion: number;
  fields: Record<string, unknown>;
  timeZone: string;
  policy: FollowUpPolicy;
};

/** Only the author (or an admin) edits a visit: it is their account of what happened. */
export async function requireEditableVisit(deps: Pick<Deps, 'db'>, actorId: string, visitId: bigint) {
  const staff = await requireStaff(deps, actorId);
  const visit = await deps.db.visit.findUnique({ where: { id: visitId }, include: { customer: true } });
  if (!visit) throw new DomainError('visit_not_found');
  if (visit.authorId !== staff.slackUserId && staff.role !== 'admin') throw new DomainError('visit_not_yours');
  return { staff, visit };
}

export async function editVisit(deps: Deps, input: EditVisitInput): Promise<LoggedVisit> {
  const now = deps.clock.now();
  const { staff, visit } = await requireEditableVisit(deps, input.actorId, input.visitId);
  // Fixing a typo in last year's visit must not fail on dates that were fine when logged.
  const existing = { occurredAt: visit.occurredAt, nextFollowUpOn: fromDbDate(visit.nextFollowUpOn) };
  const fields = parseVisitInput(input.fields, { now, timeZone: input.timeZone, existing });
  const customer = await requireServableCustomer(deps, staff, fields.customerCode);

  return inTransaction(deps.db, async (tx) => {
    await lockCustomers(tx, [visit.customerCode, customer.code]);
    const row = visitRow(fields, input.timeZone);
    const version = input.expectedVersion + 1;
    const updated = await tx.visit.updateMany({
      where: { id: visit.id, version: input.expectedVersion },
      data: { ...row, version, updatedAt: now },
    });
    if (updated.count === 0) throw new DomainError('visit_edited_meanwhile');
    await tx.visitVersion.create({ data: { ...row, visitId: visit.id, version, editorId: staff.slackUserId, editedAt: now } });
    await recordAudit({ db: tx, clock: deps.clock }, {
      actorId: staff.slackUserId,
      action: 'visit.edited',
      subject: `visit:${visit.id}`,
      detail: { customer: customer.code, version, changed: changedFields(visit, row) },
    });
    if (visit.customerCode !== customer.code) await refreshFollowUp(tx, { customerCode: visit.customerCode, policy: input.policy, now });
    const nextContact = await refreshFollowUp(tx, { customerCode: customer.code, policy: input.policy, now });
    await announceCustomerHomes({ db: tx, clock: deps.clock }, { actorId: staff.slackUserId, customerCode: customer.code });
    return { visitId: visit.id, version, kind: row.kind, customer: { code: customer.code, name: customer.name }, nextContact };
  });
}

function changedFields(before: VisitRow, after: VisitRow): string[] {
  const keys = Object.keys(after) as (keyof VisitRow)[];
  return keys.filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}

// Logging a visit or call: the visit, its first version, the audit entry and the
// customer's new next-contact date are written in one transaction — and, for a care
// callback's survey, the callback closed with its satisfaction (src/domain/care/).
import { announceCustomerHomes } from '../home/home-announcements.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../audit.ts';
import type { Deps } from '../deps.ts';
import { requireStaff } from '../directory/find-staff.ts';
import type { VisitKind } from '../../generated/prisma/enums.ts';
import type { FollowUpPolicy, NextContact } from './follow-up-policy.ts';
import { requireServableCustomer } from './find-customers.ts';
import { lockCustomers, refreshFollowUp } from './follow-up-state.ts';
import { parseVisitInput } from './visit-input.ts';
import { visitRow } from './visit-row.ts';
import { FormRejected } from '../../errors.ts';
import { completeCareCallback } from '../care/complete-care-callback.ts';
import type { CareSatisfaction } from '../care/care-callback-policy.ts';

export type LogVisitInput = {
  actorId: string;
  /** Raw fields; validated here (see visit-input.ts). */
  fields: Record<string, unknown>;
  /** The author's time zone: it decides the visit's local date and what "today" is. */
  timeZone: string;
  source: 'modal' | 'quick';
  policy: FollowUpPolicy;
  /** The care callback this visit logs; its satisfaction is then required. */
  careCallbackId?: bigint;
};

export type LoggedVisit = {
  visitId: bigint;
  version: number;
  kind: VisitKind;
  customer: { code: string; name: string };
  nextContact: NextContact;
  careCallback?: { satisfaction: CareSatisfaction; inTime: boolean };
};

export async function logVisit(deps: Deps, input: LogVisitInput): Promise<LoggedVisit> {
  const now = deps.clock.now();
  const staff = await requireStaff(deps, input.actorId);
  const fields = parseVisitInput(input.fields, { now, timeZone: input.timeZone });
  if (input.careCallbackId !== undefined && fields.satisfaction === null) {
    throw new FormRejected([{ field: 'satisfaction', message: 'error.care_satisfaction_missing' }]);
  }
  const customer = await requireServableCustomer(deps, staff, fields.customerCode);

  return inTransaction(deps.db, async (tx) => {
    await lockCustomers(tx, [customer.code]);
    const row = visitRow(fields, input.timeZone);
    const visit = await tx.visit.create({
      data: { ...row, authorId: staff.slackUserId, source: input.source, version: 1, createdAt: now, updatedAt: now },
    });
    await tx.visitVersion.create({ data: { ...row, visitId: visit.id, version: 1, editorId: staff.slackUserId, editedAt: now } });
    await recordAudit({ db: tx, clock: deps.clock }, {
      actorId: staff.slackUserId,
      action: 'visit.logged',
      subject: `visit:${visit.id}`,
      detail: { customer: customer.code, kind: row.kind, source: input.source, occurredAt: row.occurredAt.toISOString() },
    });
    const careCallback =
      input.careCallbackId === undefined
        ? undefined
        : await completeCareCallback(tx, { callbackId: input.careCallbackId, visitId: visit.id, customerCode: customer.code, score: fields.satisfaction!, actorId: staff.slackUserId, now });
    const nextContact = await refreshFollowUp(tx, { customerCode: customer.code, policy: input.policy, now });
    await announceCustomerHomes({ db: tx, clock: deps.clock }, { actorId: staff.slackUserId, customerCode: customer.code });
    return { visitId: visit.id, version: 1, kind: row.kind, customer: { code: customer.code, name: customer.name }, nextContact, careCallback };
  });
}

// The retention setting (PIPL): personal data in records closed longer than
// PII_RETENTION_MONTHS is removed. A ticket loses its contact's name and phone; a
// cross-region request's acceptance forms keep everything the audit archive needs
// (number, regions, service, description, deadlines, who submitted and handled it,
// the reply forms) but mask the member's name, number and contact phone — the only
// change the forms' database trigger allows. Bounded batches, idempotent through the
// anonymisedAt stamp (several processes may run it); each record is audited.
import type { Deps } from '../deps.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../audit.ts';
import { maskNumber } from './mask-number.ts';

export const anonymisedAction = 'pii.anonymised';

/** 周文华 → 周**, Li Na → L**: enough to tell records apart in the archive, not to name anyone. */
export function maskName(name: string): string {
  const first = [...name.trim()][0] ?? '';
  return `${first}**`;
}

/** The instant N calendar months before `now` (UTC months; a day's difference does not matter here). */
export function retentionCutoff(now: Date, months: number): Date {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return cutoff;
}

export async function anonymiseClosedRecords(deps: Deps, input: { retentionMonths: number; batch?: number }): Promise<{ tickets: number; requests: number }> {
  const now = deps.clock.now();
  const cutoff = retentionCutoff(now, input.retentionMonths);
  const take = input.batch ?? 200;
  const tickets = await deps.db.ticket.findMany({
    where: { anonymisedAt: null, OR: [{ status: 'closed', closedAt: { lt: cutoff } }, { status: 'cancelled', cancelledAt: { lt: cutoff } }] },
    select: { id: true, number: true },
    take,
  });
  let ticketCount = 0;
  for (const ticket of tickets) {
    await inTransaction(deps.db, async (tx) => {
      const done = await tx.ticket.updateMany({ where: { id: ticket.id, anonymisedAt: null }, data: { contactName: null, contactPhone: null, anonymisedAt: now } });
      if (done.count === 0) return;
      ticketCount++;
      await recordAudit({ db: tx, clock: deps.clock }, { actorId: 'system', action: anonymisedAction, subject: `ticket:${ticket.id}`, detail: { number: ticket.number, cutoff: cutoff.toISOString() } });
    });
  }
  const requests = await deps.db.xregionRequest.findMany({
    where: { anonymisedAt: null, status: { in: ['replied', 'rejected'] }, closedAt: { lt: cutoff } },
    select: { id: true, number: true, acceptanceForms: { select: { id: true, memberName: true, memberNumber: true, contactPhone: true } } },
    take,
  });
  let requestCount = 0;
  for (const request of requests) {
    await inTransaction(deps.db, async (tx) => {
      const done = await tx.xregionRequest.updateMany({ where: { id: request.id, anonymisedAt: null }, data: { anonymisedAt: now } });
      if (done.count === 0) return;
      for (const form of request.acceptanceForms) {
        await tx.xregionAcceptanceForm.update({
          where: { id: form.id },
          data: { memberName: maskName(form.memberName), memberNumber: maskNumber(form.memberNumber), contactPhone: maskNumber(form.contactPhone) },
        });
      }
      requestCount++;
      await recordAudit({ db: tx, clock: deps.clock }, { actorId: 'system', action: anonymisedAction, subject: `xregion:${request.number}`, detail: { number: request.number, forms: request.acceptanceForms.length, cutoff: cutoff.toISOString() } });
    });
  }
  return { tickets: ticketCount, requests: requestCount };
}

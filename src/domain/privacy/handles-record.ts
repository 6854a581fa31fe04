// Who handles a record holding personal numbers, and so may see them in full (PIPL):
// everyone else sees them masked (mask-number.ts). A ticket is handled by the engineer
// who holds it and the customer's account manager; a cross-region request by the
// home-region colleague who accepted it, the colleague who opened it in the serving
// region, and the member's account manager. Supervisors and admins read the audited
// exports instead (export-forms.ts).
import type { Deps } from '../deps.ts';

export type PersonalRecord = { kind: 'ticket' | 'xregion'; id: string };

/** The audit subject, as each area writes it: `ticket:<id>`, `xregion:<request number>`. */
export const personalRecordSubject = (record: PersonalRecord, number: string) => (record.kind === 'ticket' ? `ticket:${record.id}` : `xregion:${number}`);

export async function handlersOf(deps: Pick<Deps, 'db'>, record: PersonalRecord): Promise<string[] | null> {
  if (record.kind === 'ticket') {
    const ticket = await deps.db.ticket.findUnique({ where: { id: record.id }, select: { claimerId: true, customer: { select: { accountManagerId: true } } } });
    if (!ticket) return null;
    return [ticket.claimerId, ticket.customer.accountManagerId].filter((id): id is string => Boolean(id));
  }
  const request = await deps.db.xregionRequest.findUnique({ where: { id: record.id }, select: { handlerId: true, openedById: true, customerCode: true } });
  if (!request) return null;
  const customer = request.customerCode ? await deps.db.customer.findUnique({ where: { code: request.customerCode }, select: { accountManagerId: true } }) : null;
  return [request.handlerId, request.openedById, customer?.accountManagerId].filter((id): id is string => Boolean(id));
}

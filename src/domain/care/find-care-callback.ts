// A care callback with what its message and its form need: the ticket (what happened,
// what was done), the customer and the manager. Only the manager it is owed by, their
// region's supervisors and admins may open it.
import { DomainError } from '../../errors.ts';
import type { Deps } from '../deps.ts';
import { requireStaff } from '../directory/find-staff.ts';

export async function loadCareCallback(deps: Pick<Deps, 'db'>, callbackId: bigint) {
  const callback = await deps.db.careCallback.findUnique({ where: { id: callbackId } });
  if (!callback) return null;
  const [ticket, customer, manager] = await Promise.all([
    deps.db.ticket.findUniqueOrThrow({ where: { id: callback.ticketId } }),
    deps.db.customer.findUniqueOrThrow({ where: { code: callback.customerCode }, select: { code: true, name: true, phone: true, kind: true, cardTier: true } }),
    deps.db.staff.findUnique({ where: { slackUserId: callback.managerId }, select: { slackUserId: true, name: true } }),
  ]);
  return { ...callback, ticket, customer, manager };
}

export type CareCallbackRecord = NonNullable<Awaited<ReturnType<typeof loadCareCallback>>>;

export async function requireCareCallbackFor(deps: Pick<Deps, 'db'>, input: { callbackId: bigint; actorId: string }): Promise<CareCallbackRecord> {
  const [staff, callback] = await Promise.all([requireStaff(deps, input.actorId), loadCareCallback(deps, input.callbackId)]);
  if (!callback) throw new DomainError('care_callback_unknown');
  const mayLog = staff.slackUserId === callback.managerId || staff.role === 'admin' || (staff.role === 'supervisor' && staff.regionCode === callback.regionCode);
  if (!mayLog) throw new DomainError('care_callback_not_yours');
  if (callback.doneAt) throw new DomainError('care_callback_already_done');
  return callback;
}

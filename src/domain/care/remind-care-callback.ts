// The callback's due time came and it is not done: the manager is reminded, once (a
// conditional stamp, so two sweeping bots send one reminder), with the announcement
// written in the same transaction.
import { inTransaction } from '../../db/transaction.ts';
import type { Deps } from '../deps.ts';
import { announceCare, careAnnouncementKinds } from './care-announcements.ts';

export async function remindCareCallbackDue(deps: Deps, callbackId: bigint): Promise<boolean> {
  return inTransaction(deps.db, async (tx) => {
    const stamped = await tx.careCallback.updateMany({ where: { id: callbackId, doneAt: null, remindedAt: null }, data: { remindedAt: deps.clock.now() } });
    if (stamped.count !== 1) return false;
    await announceCare({ db: tx, clock: deps.clock }, careAnnouncementKinds.due, callbackId);
    return true;
  });
}

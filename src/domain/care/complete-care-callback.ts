// The callback logged: the visit of kind callback survey closes the task (once — a
// second visit for the same callback is refused, and nothing of it is stored), its
// timer is cleared, and a dissatisfied customer brings the retention offer.
import type { Prisma } from '../../db/client.ts';
import { DomainError } from '../../errors.ts';
import { recordAudit } from '../audit.ts';
import type { Deps } from '../deps.ts';
import { cancelTimer } from '../timers/schedule-timer.ts';
import { announceCare, careAnnouncementKinds } from './care-announcements.ts';
import { satisfactionOf, type CareSatisfaction } from './care-callback-policy.ts';
import { careCallbackTimer } from './open-care-callback.ts';

export async function completeCareCallback(
  tx: Prisma.TransactionClient,
  input: { callbackId: bigint; visitId: bigint; customerCode: string; score: number; actorId: string; now: Date },
): Promise<{ satisfaction: CareSatisfaction; inTime: boolean }> {
  const satisfaction = satisfactionOf(input.score);
  const callback = await tx.careCallback.findUnique({ where: { id: input.callbackId } });
  if (!callback || callback.customerCode !== input.customerCode) throw new DomainError('care_callback_unknown');
  const done = await tx.careCallback.updateMany({
    where: { id: input.callbackId, doneAt: null },
    data: { doneAt: input.now, visitId: input.visitId, satisfaction },
  });
  if (done.count !== 1) throw new DomainError('care_callback_already_done');
  const deps: Deps = { db: tx, clock: { now: () => input.now } };
  await cancelTimer(deps, { kind: careCallbackTimer, subjectId: String(input.callbackId) });
  const inTime = input.now <= callback.dueAt;
  await recordAudit(deps, {
    actorId: input.actorId,
    action: 'care.callback_done',
    subject: `care_callback:${input.callbackId}`,
    detail: { visitId: String(input.visitId), satisfaction, inTime },
  });
  if (satisfaction === 'dissatisfied') await announceCare(deps, careAnnouncementKinds.dissatisfied, input.callbackId);
  return { satisfaction, inTime };
}

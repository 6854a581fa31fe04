// The home region turns a request back (not our member, not something we can take on),
// with a reason for the serving region. Closes the request and its deadline timer.
import { announceRequestStep } from './request-announcements.ts';
import { inTransaction } from '../../db/transaction.ts';
import { DomainError } from '../../errors.ts';
import { recordAudit } from '../audit.ts';
import type { Deps } from '../deps.ts';
import { cancelTimer } from '../timers/schedule-timer.ts';
import { requireHomeRegionStaff } from './access.ts';
import { xregionDeadlineTimer } from './deadline-timer.ts';
import { parseForm } from './form-issues.ts';
import { rejectFields, rejectFormSchema } from './form-schemas.ts';
import { requireRequestRecord } from './request-record.ts';

export async function rejectCrossRegionRequest(deps: Deps, input: { requestId: string; actorId: string; reason: string | null }) {
  const { reason } = parseForm(rejectFormSchema, { reason: input.reason }, rejectFields);
  const { request, homeRegion } = await requireRequestRecord(deps, input.requestId);
  const actor = await requireHomeRegionStaff(deps, input.actorId, request, homeRegion.name);
  const now = deps.clock.now();
  return inTransaction(deps.db, async (tx) => {
    const closed = await tx.xregionRequest.updateMany({
      where: { id: request.id, status: { in: ['open', 'accepted'] } },
      data: { status: 'rejected', closedAt: now, rejectedById: actor.slackUserId, rejectReason: reason },
    });
    if (closed.count !== 1) throw new DomainError('xregion_closed', { number: request.number });
    await cancelTimer({ db: tx }, { kind: xregionDeadlineTimer, subjectId: request.id });
    await recordAudit({ db: tx, clock: deps.clock }, { actorId: actor.slackUserId, action: 'xregion.rejected', subject: `xregion:${request.number}`, detail: { reason } });
    await announceRequestStep({ db: tx, clock: deps.clock }, 'rejected', request.id);
    return { requestId: request.id, number: request.number };
  });
}

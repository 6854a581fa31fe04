// Accepting a request: the home-region colleague who clicks becomes its handler. Two
// clicks at once race on a conditional update; exactly one finds the request still open.
import { announceRequestStep } from './request-announcements.ts';
import { inTransaction } from '../../db/transaction.ts';
import { DomainError } from '../../errors.ts';
import { recordAudit } from '../audit.ts';
import type { Deps } from '../deps.ts';
import { requireHomeRegionStaff } from './access.ts';
import { isClosed, requireRequestRecord } from './request-record.ts';

export async function acceptCrossRegionRequest(deps: Deps, input: { requestId: string; actorId: string }) {
  const { request, homeRegion } = await requireRequestRecord(deps, input.requestId);
  const actor = await requireHomeRegionStaff(deps, input.actorId, request, homeRegion.name);
  const now = deps.clock.now();
  return inTransaction(deps.db, async (tx) => {
    const won = await tx.xregionRequest.updateMany({
      where: { id: request.id, status: 'open', handlerId: null },
      data: { status: 'accepted', handlerId: actor.slackUserId, acceptedAt: now },
    });
    if (won.count !== 1) {
      const current = await tx.xregionRequest.findUniqueOrThrow({ where: { id: request.id } });
      if (isClosed(current.status)) throw new DomainError('xregion_closed', { number: request.number });
      throw new DomainError('xregion_already_accepted', { number: request.number, handler: current.handlerId ?? '' });
    }
    await recordAudit({ db: tx, clock: deps.clock }, { actorId: actor.slackUserId, action: 'xregion.accepted', subject: `xregion:${request.number}` });
    await announceRequestStep({ db: tx, clock: deps.clock }, 'accepted', request.id);
    return { requestId: request.id, number: request.number };
  });
}

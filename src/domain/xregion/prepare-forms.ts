// The checks made before a modal is opened from a button, so a refusal comes at once
// (privately) rather than after the form was filled in. The submission checks again.
import { DomainError } from '../../errors.ts';
import type { Deps } from '../deps.ts';
import { requireHomeRegionStaff, requireServingRegionStaff } from './access.ts';
import { isClosed, requireRequestRecord } from './request-record.ts';

/** For Reply and Turn back: home-region staff, request still open. */
export async function prepareHomeRegionAnswer(deps: Pick<Deps, 'db'>, input: { requestId: string; actorId: string }) {
  const record = await requireRequestRecord(deps, input.requestId);
  const actor = await requireHomeRegionStaff(deps, input.actorId, record.request, record.homeRegion.name);
  if (isClosed(record.request.status)) throw new DomainError('xregion_closed', { number: record.request.number });
  return { record, actor };
}

export async function prepareReplyCorrection(deps: Pick<Deps, 'db'>, input: { requestId: string; actorId: string }) {
  const record = await requireRequestRecord(deps, input.requestId);
  const actor = await requireHomeRegionStaff(deps, input.actorId, record.request, record.homeRegion.name);
  if (!record.reply) throw new DomainError('xregion_no_reply_yet', { number: record.request.number });
  return { record, actor };
}

export async function prepareAcceptanceCorrection(deps: Pick<Deps, 'db'>, input: { requestId: string; actorId: string }) {
  const record = await requireRequestRecord(deps, input.requestId);
  const actor = await requireServingRegionStaff(deps, input.actorId, record.request, record.servingRegion.name);
  return { record, actor };
}

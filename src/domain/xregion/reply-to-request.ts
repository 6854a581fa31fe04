// The home region's reply form (回复单) closes the request: version 1 of the reply is
// stored, the deadline timer is cancelled, and whoever replies becomes the handler if
// nobody had accepted it.
import { announceRequestStep } from './request-announcements.ts';
import { inTransaction } from '../../db/transaction.ts';
import { DomainError } from '../../errors.ts';
import { recordAudit } from '../audit.ts';
import type { Deps } from '../deps.ts';
import { cancelTimer } from '../timers/schedule-timer.ts';
import { requireHomeRegionStaff } from './access.ts';
import { xregionDeadlineTimer } from './deadline-timer.ts';
import { FormRejected } from '../../errors.ts';
import { parseForm } from './form-issues.ts';
import { replyFields, replyFormSchema, type ReplyForm, type ReplyFormInput } from './form-schemas.ts';
import { requireRequestRecord } from './request-record.ts';

// Clocks disagree a little; a handled-at a few minutes ahead is a typo, not fraud.
const futureTolerance = 10 * 60_000;

/** Field checks that need the request: handled-at between opening and now. */
export function checkHandledAt(form: ReplyForm, openedAt: Date, now: Date): void {
  if (form.handledAt.getTime() > now.getTime() + futureTolerance) {
    throw new FormRejected([{ field: 'handledAt', message: 'xregion.field.handled_at_future' }]);
  }
  // Pickers have minute precision; the opening instant has seconds.
  if (form.handledAt.getTime() < openedAt.getTime() - 60_000) {
    throw new FormRejected([{ field: 'handledAt', message: 'xregion.field.handled_at_before_opened' }]);
  }
}

export async function replyToCrossRegionRequest(deps: Deps, input: { requestId: string; actorId: string; form: ReplyFormInput }) {
  const form = parseForm(replyFormSchema, input.form, replyFields);
  const { request, homeRegion } = await requireRequestRecord(deps, input.requestId);
  const actor = await requireHomeRegionStaff(deps, input.actorId, request, homeRegion.name);
  const now = deps.clock.now();
  checkHandledAt(form, request.openedAt, now);
  return inTransaction(deps.db, async (tx) => {
    const closed = await tx.xregionRequest.updateMany({
      where: { id: request.id, status: { in: ['open', 'accepted'] } },
      data: { status: 'replied', closedAt: now },
    });
    if (closed.count !== 1) throw new DomainError('xregion_closed', { number: request.number });
    await tx.xregionRequest.updateMany({ where: { id: request.id, handlerId: null }, data: { handlerId: actor.slackUserId, acceptedAt: now } });
    await tx.xregionReplyForm.create({ data: { requestId: request.id, version: 1, ...form, submittedById: actor.slackUserId, submittedAt: now } });
    await cancelTimer({ db: tx }, { kind: xregionDeadlineTimer, subjectId: request.id });
    await recordAudit({ db: tx, clock: deps.clock }, { actorId: actor.slackUserId, action: 'xregion.replied', subject: `xregion:${request.number}`, detail: { result: form.result } });
    await announceRequestStep({ db: tx, clock: deps.clock }, 'replied', request.id);
    return { requestId: request.id, number: request.number };
  });
}

// Corrections (更正): a submitted form is never changed; the correction is stored as the
// next version, with who submitted it and when, and the audit trail says so. Two
// corrections at once collide on (request, version) and the second is refused.
import { announceRequestStep } from './request-announcements.ts';
import { Prisma } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { DomainError } from '../../errors.ts';
import { recordAudit } from '../audit.ts';
import type { Deps } from '../deps.ts';
import { requireHomeRegionStaff, requireServingRegionStaff } from './access.ts';
import { FormRejected } from '../../errors.ts';
import { parseForm } from './form-issues.ts';
import { acceptanceCorrectionFields, acceptanceCorrectionSchema, replyFields, replyFormSchema, type AcceptanceFormInput, type ReplyFormInput } from './form-schemas.ts';
import { checkHandledAt } from './reply-to-request.ts';
import { requireRequestRecord } from './request-record.ts';

export async function correctAcceptanceForm(deps: Deps, input: { requestId: string; actorId: string; form: AcceptanceFormInput }) {
  const form = parseForm(acceptanceCorrectionSchema, input.form, acceptanceCorrectionFields);
  const { request, acceptance, servingRegion } = await requireRequestRecord(deps, input.requestId);
  const actor = await requireServingRegionStaff(deps, input.actorId, request, servingRegion.name);
  if (!request.customerCode && !form.verifiedBy) throw new FormRejected([{ field: 'verifiedBy', message: 'xregion.field.verified_by_required' }]);
  const now = deps.clock.now();
  const version = acceptance.version + 1;
  return storeVersion(request.number, () =>
    inTransaction(deps.db, async (tx) => {
      const { id: _id, version: _v, submittedById: _by, submittedAt: _at, ...kept } = acceptance;
      await tx.xregionAcceptanceForm.create({
        data: { ...kept, ...form, memberName: form.memberName ?? acceptance.memberName, version, submittedById: actor.slackUserId, submittedAt: now },
      });
      await recordAudit({ db: tx, clock: deps.clock }, { actorId: actor.slackUserId, action: 'xregion.acceptance_corrected', subject: `xregion:${request.number}`, detail: { version } });
      await announceRequestStep({ db: tx, clock: deps.clock }, 'corrected', request.id, { form: 'acceptance', actorId: actor.slackUserId, version });
      return { requestId: request.id, number: request.number, version };
    }),
  );
}

export async function correctReplyForm(deps: Deps, input: { requestId: string; actorId: string; form: ReplyFormInput }) {
  const form = parseForm(replyFormSchema, input.form, replyFields);
  const { request, reply, homeRegion } = await requireRequestRecord(deps, input.requestId);
  const actor = await requireHomeRegionStaff(deps, input.actorId, request, homeRegion.name);
  if (!reply) throw new DomainError('xregion_no_reply_yet', { number: request.number });
  checkHandledAt(form, request.openedAt, deps.clock.now());
  const version = reply.version + 1;
  return storeVersion(request.number, () =>
    inTransaction(deps.db, async (tx) => {
      await tx.xregionReplyForm.create({ data: { requestId: request.id, version, ...form, submittedById: actor.slackUserId, submittedAt: deps.clock.now() } });
      await recordAudit({ db: tx, clock: deps.clock }, { actorId: actor.slackUserId, action: 'xregion.reply_corrected', subject: `xregion:${request.number}`, detail: { version } });
      await announceRequestStep({ db: tx, clock: deps.clock }, 'corrected', request.id, { form: 'reply', actorId: actor.slackUserId, version });
      return { requestId: request.id, number: request.number, version };
    }),
  );
}

async function storeVersion<T>(number: string, store: () => Promise<T>): Promise<T> {
  try {
    return await store();
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new DomainError('xregion_correction_conflict', { number });
    }
    throw error;
  }
}

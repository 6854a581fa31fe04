// Opening a cross-region request: the serving (roaming) region fills in the acceptance
// form; the member is looked up in the directory for card tier and home region; the
// reply deadline is frozen from the policy; the deadline timer is set — all in one
// transaction with the audit entry. Anything wrong comes back as field issues and
// nothing is stored.
import { announceRequestStep } from './request-announcements.ts';
import { inTransaction } from '../../db/transaction.ts';
import { DomainError } from '../../errors.ts';
import { recordAudit } from '../audit.ts';
import { requireStaff } from '../directory/find-staff.ts';
import type { Deps } from '../deps.ts';
import { scheduleTimer } from '../timers/schedule-timer.ts';
import { xregionDeadlineTimer } from './deadline-timer.ts';
import { findMember } from './find-member.ts';
import { FormRejected, type FieldIssue } from '../../errors.ts';
import { parseForm } from './form-issues.ts';
import { acceptanceFields, acceptanceFormSchema, type AcceptanceField, type AcceptanceFormInput } from './form-schemas.ts';
import { firstDeadlineWakeUp, replyDeadline, type ReplyDeadlinePolicy } from './reply-deadline-policy.ts';
import { nextRequestNumber } from './request-number.ts';

export type OpenRequestInput = {
  openerId: string;
  form: AcceptanceFormInput;
  policy: ReplyDeadlinePolicy;
  /** The zone whose calendar day goes into the request number. */
  timeZone: string;
};

export async function openCrossRegionRequest(deps: Deps, input: OpenRequestInput) {
  const form = parseForm(acceptanceFormSchema, input.form, acceptanceFields);
  const opener = await requireStaff(deps, input.openerId);
  if (!opener.region) throw new DomainError('xregion_opener_without_region');
  const servingRegion = opener.region;

  const member = await findMember(deps, form.memberNumber);
  const issues: FieldIssue<AcceptanceField>[] = [];
  let homeRegion = member?.customer.region ?? null;
  if (!member) {
    // Not in the directory: still served, but the home region must be named and the
    // person who verified membership with it is on record.
    if (!form.homeRegionCode) issues.push({ field: 'homeRegionCode', message: 'xregion.field.home_region_required' });
    else {
      homeRegion = await deps.db.region.findUnique({ where: { code: form.homeRegionCode } });
      if (!homeRegion) issues.push({ field: 'homeRegionCode', message: 'xregion.field.unknown_region', params: { region: form.homeRegionCode, known: await knownRegions(deps) } });
    }
    if (!form.memberName) issues.push({ field: 'memberName', message: 'xregion.field.member_name_required' });
    if (!form.verifiedBy) issues.push({ field: 'verifiedBy', message: 'xregion.field.verified_by_required' });
  }
  if (homeRegion && homeRegion.code === servingRegion.code) {
    issues.push({ field: member ? 'memberNumber' : 'homeRegionCode', message: 'xregion.field.same_region', params: { region: homeRegion.name } });
  } else if (homeRegion && !homeRegion.crossRegionChannelId) {
    issues.push({ field: 'homeRegionCode', message: 'xregion.field.no_channel', params: { region: homeRegion.name } });
  }
  if (issues.length > 0 || !homeRegion) throw new FormRejected(issues);

  const openedAt = deps.clock.now();
  const cardTier = member?.customer.cardTier ?? null;
  const deadline = replyDeadline(openedAt, cardTier, input.policy);
  const home = homeRegion;
  return inTransaction(deps.db, async (tx) => {
    const number = await nextRequestNumber(tx, openedAt, input.timeZone);
    const request = await tx.xregionRequest.create({
      data: {
        number,
        homeRegionCode: home.code,
        servingRegionCode: servingRegion.code,
        customerCode: member?.customer.code ?? null,
        cardTier,
        openedById: opener.slackUserId,
        openedAt,
        replyDeadline: deadline,
        acceptanceForms: {
          create: {
            version: 1,
            memberNumber: member?.number ?? form.memberNumber,
            memberName: form.memberName ?? member!.customer.name,
            cardTier,
            homeRegionCode: home.code,
            servingRegionCode: servingRegion.code,
            service: form.service,
            description: form.description,
            contactPhone: form.contactPhone,
            verifiedBy: form.verifiedBy,
            replyDeadline: deadline,
            submittedById: opener.slackUserId,
            submittedAt: openedAt,
          },
        },
      },
    });
    await scheduleTimer({ db: tx }, { kind: xregionDeadlineTimer, subjectId: request.id, dueAt: firstDeadlineWakeUp(openedAt, deadline, input.policy.reminderLeadMinutes) });
    await recordAudit({ db: tx, clock: deps.clock }, {
      actorId: opener.slackUserId,
      action: 'xregion.opened',
      subject: `xregion:${number}`,
      detail: { homeRegion: home.code, servingRegion: servingRegion.code, customerCode: member?.customer.code ?? null, replyDeadline: deadline.toISOString() },
    });
    await announceRequestStep({ db: tx, clock: deps.clock }, 'opened', request.id);
    return { requestId: request.id, number, homeRegion: home, servingRegion, replyDeadline: deadline, memberFound: member !== null };
  });
}

async function knownRegions(deps: Pick<Deps, 'db'>): Promise<string> {
  const regions = await deps.db.region.findMany({ select: { code: true }, orderBy: { code: 'asc' } });
  return regions.map((r) => r.code).join(', ');
}

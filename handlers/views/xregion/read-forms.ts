// view.state.values → the plain form values the domain validates.
import type { AcceptanceFormInput, ReplyFormInput } from '../../../src/domain/xregion/form-schemas.ts';
import { xregionIds } from '../../../src/slack/ids.ts';
import { acceptanceBlockIds as a } from '../../../src/slack/views/xregion/acceptance-modal.ts';
import { rejectBlockIds, replyBlockIds as r } from '../../../src/slack/views/xregion/reply-modals.ts';
import { choiceOf, dateTimeOf, requestRef, textOf, viewValues } from '../../../src/slack/xregion/view-values.ts';

export function readAcceptanceForm(raw: unknown): AcceptanceFormInput {
  const values = viewValues(raw);
  return {
    memberNumber: textOf(values, a.memberNumber, xregionIds.memberLookup),
    homeRegionCode: choiceOf(values, a.homeRegionCode, xregionIds.homeRegionOptions),
    memberName: textOf(values, a.memberName),
    service: choiceOf(values, a.service),
    description: textOf(values, a.description),
    contactPhone: textOf(values, a.contactPhone),
    verifiedBy: textOf(values, a.verifiedBy),
  };
}

export function readReplyForm(raw: unknown): ReplyFormInput {
  const values = viewValues(raw);
  return {
    result: choiceOf(values, r.result),
    reason: textOf(values, r.reason),
    actionsTaken: textOf(values, r.actionsTaken),
    handledBy: textOf(values, r.handledBy),
    handledAt: dateTimeOf(values, r.handledAt),
    notes: textOf(values, r.notes),
  };
}

export const readRejectReason = (raw: unknown) => textOf(viewValues(raw), rejectBlockIds.reason);

export const requestIdOf = (privateMetadata: string) => requestRef.parse(JSON.parse(privateMetadata || '{}')).requestId;

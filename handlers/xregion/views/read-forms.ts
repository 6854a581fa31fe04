// view.state.values (read by slack-values.ts) → the plain form values the domain validates.
import type { AcceptanceFormInput, ReplyFormInput } from '../../../src/domain/xregion/form-schemas.ts';
import { xregionIds } from '../../../src/slack/ids.ts';
import { choiceOf, dateTimeOf, textOf, type ViewValues } from '../../../src/slack/edge/slack-values.ts';
import { acceptanceBlockIds as a } from '../../../src/slack/xregion/acceptance-modal.ts';
import { rejectBlockIds, replyBlockIds as r } from '../../../src/slack/xregion/reply-modals.ts';

export function readAcceptanceForm(values: ViewValues): AcceptanceFormInput {
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

export function readReplyForm(values: ViewValues): ReplyFormInput {
  return {
    result: choiceOf(values, r.result),
    reason: textOf(values, r.reason),
    actionsTaken: textOf(values, r.actionsTaken),
    handledBy: textOf(values, r.handledBy),
    handledAt: dateTimeOf(values, r.handledAt),
    notes: textOf(values, r.notes),
  };
}

export const readRejectReason = (values: ViewValues) => textOf(values, rejectBlockIds.reason);

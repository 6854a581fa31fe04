// The acceptance form (受理单) modal: new, after a member lookup, or as a correction
// (member number and home region fixed, the other fields filled with the latest version).
import type { AnyBlock, InputBlock, ModalView } from '@slack/types';
import type { AcceptanceField } from '../../domain/xregion/form-schemas.ts';
import { xregionServices } from '../../domain/xregion/form-schemas.ts';
import { t, tPlain, type Locale, type Mrkdwn } from '../../i18n/catalog.ts';
import { mention } from '../../i18n/mrkdwn.ts';
import { context, section } from '../kit/text.ts';
import { serviceLabel, tierLabel } from './format.ts';
import { xregionIds } from '../ids.ts';
import { option, plain, staticSelectInput, textInput } from './inputs.ts';

export const acceptanceBlockIds: Record<AcceptanceField, string> = {
  memberNumber: 'member_number',
  homeRegionCode: 'home_region',
  memberName: 'member_name',
  service: 'service',
  description: 'description',
  contactPhone: 'contact_phone',
  verifiedBy: 'verified_by',
};

export type MemberLookup = {
  number: string;
  member: { name: string; code: string; cardTier: string | null; regionName: string; accountManagerId: string | null } | null;
};

export type Correction = {
  requestId: string;
  number: string;
  memberNumber: string;
  homeRegionName: string;
  initial: { memberName: string; service: string; description: string; contactPhone: string; verifiedBy: string | null };
};

export function acceptanceModal(locale: Locale, input: { servingRegionName: string; lookup?: MemberLookup; correction?: Correction }): ModalView {
  const { correction } = input;
  const initial = correction?.initial;
  const head: AnyBlock[] = correction
    ? [context(t(locale, 'xregion.form.fixed_routing', { number: correction.number, member: correction.memberNumber, home: correction.homeRegionName }))]
    : [
        section(t(locale, 'xregion.form.intro', { region: input.servingRegionName })),
        textInput(locale, acceptanceBlockIds.memberNumber, 'xregion.label.member_number', { hint: 'xregion.form.member_number_hint', actionId: xregionIds.memberLookup, dispatch: true, maxLength: 40 }),
        ...(input.lookup ? [context(describeLookup(locale, input.lookup))] : []),
        homeRegionInput(locale),
      ];
  const services = xregionServices.map((code) => option(serviceLabel(locale, code), code));
  const blocks: AnyBlock[] = [
    ...head,
    textInput(locale, acceptanceBlockIds.memberName, 'xregion.label.member_name', { optional: true, hint: correction ? undefined : 'xregion.form.member_name_hint', initial: initial?.memberName, maxLength: 100 }),
    staticSelectInput(locale, acceptanceBlockIds.service, 'xregion.label.service', services, initial?.service),
    textInput(locale, acceptanceBlockIds.description, 'xregion.label.description', { multiline: true, initial: initial?.description, maxLength: 2000 }),
    textInput(locale, acceptanceBlockIds.contactPhone, 'xregion.label.contact_phone', { initial: initial?.contactPhone, maxLength: 30 }),
    textInput(locale, acceptanceBlockIds.verifiedBy, 'xregion.label.verified_by', { optional: true, hint: 'xregion.form.verified_by_hint', initial: initial?.verifiedBy, maxLength: 100 }),
  ];
  return {
    type: 'modal',
    callback_id: correction ? xregionIds.acceptanceCorrectionForm : xregionIds.acceptanceForm,
    private_metadata: correction ? JSON.stringify({ requestId: correction.requestId }) : '',
    title: plain(tPlain(locale, correction ? 'xregion.form.correct_title' : 'xregion.form.title')),
    submit: plain(tPlain(locale, correction ? 'xregion.form.save' : 'xregion.form.submit')),
    close: plain(tPlain(locale, 'xregion.form.cancel')),
    blocks,
  };
}

function homeRegionInput(locale: Locale): InputBlock {
  return {
    type: 'input',
    block_id: acceptanceBlockIds.homeRegionCode,
    optional: true,
    label: plain(tPlain(locale, 'xregion.label.home_region')),
    hint: plain(tPlain(locale, 'xregion.form.home_region_hint')),
    // External: a national operator has hundreds of regions, more than a static menu holds.
    element: { type: 'external_select', action_id: xregionIds.homeRegionOptions, min_query_length: 0, placeholder: plain(tPlain(locale, 'xregion.form.choose')) },
  };
}

function describeLookup(locale: Locale, lookup: MemberLookup): Mrkdwn {
  const { member } = lookup;
  if (!member) return t(locale, 'xregion.form.member_not_found', { number: lookup.number });
  return t(locale, 'xregion.form.member_found', {
    name: member.name,
    code: member.code,
    tier: tierLabel(locale, member.cardTier),
    region: member.regionName,
    manager: member.accountManagerId ? mention(member.accountManagerId) : tPlain(locale, 'common.none'),
  });
}

// Every field of the acceptance and reply forms as shown in messages, so the channel
// messages, the thread replies and the DMs all show the same thing.
import type { RequestRecord } from '../../domain/xregion/request-record.ts';
import type { Locale } from '../../i18n/catalog.ts';
import { t } from '../../i18n/catalog.ts';
import { markup } from '../../i18n/mrkdwn.ts';
import { maskNumber } from '../../domain/privacy/mask-number.ts';
import { resultLabel, serviceLabel, slackTime, tierLabel, type Field } from './format.ts';

export function shownAcceptanceFields(locale: Locale, record: RequestRecord, timeZone: string): Field[] {
  const { acceptance: form, request } = record;
  return [
    // Channels, threads and DMs alike: masked (PIPL); the handlers reveal them privately.
    { label: 'xregion.label.member_number', value: maskNumber(form.memberNumber) },
    { label: 'xregion.label.member_name', value: form.memberName },
    { label: 'xregion.label.card_tier', value: tierLabel(locale, form.cardTier) },
    { label: 'xregion.label.home_region', value: record.homeRegion.name },
    { label: 'xregion.label.serving_region', value: record.servingRegion.name },
    { label: 'xregion.label.service', value: serviceLabel(locale, form.service) },
    { label: 'xregion.label.contact_phone', value: maskNumber(form.contactPhone) },
    { label: 'xregion.label.verified_by', value: form.verifiedBy ? form.verifiedBy : null },
    { label: 'xregion.label.opened', value: markup(t(locale, 'xregion.message.opened_by', { time: slackTime(request.openedAt, timeZone), user: request.openedById })) },
    { label: 'xregion.label.deadline', value: slackTime(form.replyDeadline, timeZone) },
  ];
}

export function shownReplyFields(locale: Locale, reply: NonNullable<RequestRecord['reply']>, timeZone: string): Field[] {
  return [
    { label: 'xregion.label.result', value: resultLabel(locale, reply.result) },
    ...(reply.reason ? [{ label: 'xregion.label.reason', value: reply.reason } as Field] : []),
    { label: 'xregion.label.actions_taken', value: reply.actionsTaken },
    { label: 'xregion.label.handled_by', value: reply.handledBy },
    { label: 'xregion.label.handled_at', value: slackTime(reply.handledAt, timeZone) },
    { label: 'xregion.label.notes', value: reply.notes ? reply.notes : null },
  ];
}

/** The short "who and what" used in notices: member name and service (text, escaped where it is filled in). */
export function summaryParams(locale: Locale, record: RequestRecord) {
  return {
    number: record.request.number,
    member: record.acceptance.memberName,
    service: serviceLabel(locale, record.acceptance.service),
    tier: tierLabel(locale, record.acceptance.cardTier),
    home: record.homeRegion.name,
    serving: record.servingRegion.name,
  };
}

// The request as a channel message: the home region's copy carries the buttons, the
// serving region's copy shows the same fields. Rendered from the current state every
// time, so both copies are updated in place as the request moves.
import type { ActionsBlock, AnyBlock, Button } from '@slack/types';
import type { RequestRecord } from '../../domain/xregion/request-record.ts';
import { t, tPlain, type Locale, type MessageKey, type Mrkdwn } from '../../i18n/catalog.ts';
import { joinMrkdwn, md } from '../../i18n/mrkdwn.ts';
import { xregionIds } from '../ids.ts';
import { context, header, plainText, section, truncate } from '../kit/text.ts';
import { fieldSections, replyLateness, resultLabel, serviceLabel, slackTime, statusLabel } from './format.ts';
import { shownAcceptanceFields, shownReplyFields } from './request-fields.ts';
import { maskedLine } from '../privacy/reveal-button.ts';

export type Copy = 'home' | 'serving';

export function requestMessage(record: RequestRecord, copy: Copy, view: { locale: Locale; timeZone: string; now: Date }) {
  const { locale, timeZone } = view;
  const { request, acceptance, reply } = record;
  const regions = { home: record.homeRegion.name, serving: record.servingRegion.name };
  const blocks: AnyBlock[] = [
    header(tPlain(locale, 'xregion.message.header', { number: request.number })),
    context(t(locale, copy === 'home' ? 'xregion.message.home_copy' : 'xregion.message.serving_copy', regions)),
    ...fieldSections(locale, shownAcceptanceFields(locale, record, timeZone)),
    section(md`*${tPlain(locale, 'xregion.label.description')}*\n${truncate(acceptance.description, 2900)}`),
  ];
  if (!request.anonymisedAt) blocks.push(maskedLine(locale, t(locale, 'privacy.masked_note'), { kind: 'xregion', id: request.id }));
  if (acceptance.version > 1) {
    blocks.push(context(t(locale, 'xregion.message.acceptance_version', { version: acceptance.version, user: acceptance.submittedById, time: slackTime(acceptance.submittedAt, timeZone) })));
  }
  blocks.push(section(statusLine(record, locale, timeZone, view.now)));
  if (reply) {
    blocks.push(section(t(locale, 'xregion.message.reply_heading')), ...fieldSections(locale, shownReplyFields(locale, reply, timeZone)));
    if (reply.version > 1) {
      blocks.push(context(t(locale, 'xregion.message.reply_version', { version: reply.version, user: reply.submittedById, time: slackTime(reply.submittedAt, timeZone) })));
    }
  }
  const buttons = copy === 'home' ? homeButtons(record, locale) : [button(locale, xregionIds.correctAcceptance, 'xregion.button.correct_acceptance', request.id)];
  if (buttons.length > 0) blocks.push({ type: 'actions', block_id: `xregion_actions_${request.status}`, elements: buttons } satisfies ActionsBlock);
  const text = t(locale, 'xregion.message.text', {
    number: request.number,
    member: acceptance.memberName,
    service: serviceLabel(locale, acceptance.service),
    status: statusLabel(locale, request.status),
  });
  return { text, blocks };
}

function statusLine(record: RequestRecord, locale: Locale, timeZone: string, now: Date): Mrkdwn {
  const { request, reply } = record;
  const deadline = slackTime(request.replyDeadline, timeZone);
  const when = (at: Date | null) => (at ? slackTime(at, timeZone) : '—');
  switch (request.status) {
    case 'open':
    case 'accepted': {
      const line = request.status === 'open'
        ? t(locale, 'xregion.message.status_open', { deadline })
        : t(locale, 'xregion.message.status_accepted', { handler: request.handlerId ?? '', time: when(request.acceptedAt), deadline });
      return now.getTime() >= request.replyDeadline.getTime() ? joinMrkdwn([line, t(locale, 'xregion.message.overdue')], '\n') : line;
    }
    case 'replied': {
      const line = t(locale, 'xregion.message.status_replied', { result: reply ? resultLabel(locale, reply.result) : '—', handler: request.handlerId ?? '', time: when(request.closedAt) });
      const late = replyLateness(locale, request);
      return late ? joinMrkdwn([line, t(locale, 'xregion.late.sentence', { late })], '\n') : line;
    }
    case 'rejected':
      return t(locale, 'xregion.message.status_rejected', { user: request.rejectedById ?? '', time: when(request.closedAt), reason: request.rejectReason ?? '' });
  }
}

function homeButtons(record: RequestRecord, locale: Locale): Button[] {
  const id = record.request.id;
  switch (record.request.status) {
    case 'open':
      return [
        button(locale, xregionIds.accept, 'xregion.button.accept', id, 'primary'),
        button(locale, xregionIds.reply, 'xregion.button.reply', id),
        button(locale, xregionIds.reject, 'xregion.button.reject', id, 'danger'),
      ];
    case 'accepted':
      return [button(locale, xregionIds.reply, 'xregion.button.reply', id, 'primary'), button(locale, xregionIds.reject, 'xregion.button.reject', id, 'danger')];
    case 'replied':
      return [button(locale, xregionIds.correctReply, 'xregion.button.correct_reply', id)];
    case 'rejected':
      return [];
  }
}

function button(locale: Locale, actionId: string, label: MessageKey, requestId: string, style?: 'primary' | 'danger'): Button {
  return { type: 'button', action_id: actionId, text: plainText(tPlain(locale, label), 75), value: requestId, ...(style ? { style } : {}) };
}

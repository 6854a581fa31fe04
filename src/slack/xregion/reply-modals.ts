// The home region's modals: the reply form (回复单, new or as a correction) and the
// reason for turning a request back.
import type { InputBlock, ModalView } from '@slack/types';
import type { ReplyField } from '../../domain/xregion/form-schemas.ts';
import { xregionResults } from '../../domain/xregion/form-schemas.ts';
import type { RequestRecord } from '../../domain/xregion/request-record.ts';
import { t, tPlain, type Locale, type Mrkdwn, type PlainText } from '../../i18n/catalog.ts';
import { context, section } from '../kit/text.ts';
import { resultLabel } from './format.ts';
import { summaryParams } from './request-fields.ts';
import { xregionIds } from '../ids.ts';
import { option, plain, textInput } from './inputs.ts';

export const replyBlockIds: Record<ReplyField, string> = {
  result: 'result',
  reason: 'reason',
  actionsTaken: 'actions_taken',
  handledBy: 'handled_by',
  handledAt: 'handled_at',
  notes: 'notes',
};
export const rejectBlockIds = { reason: 'reject_reason' } as const;

export function replyModal(locale: Locale, record: RequestRecord, defaults: { handledBy: string; handledAt: Date }): ModalView {
  const previous = record.reply;
  const correcting = previous !== null;
  const results = xregionResults.map((code) => option(resultLabel(locale, code), code));
  const chosen = results.find((o) => o.value === previous?.result);
  const result: InputBlock = {
    type: 'input',
    block_id: replyBlockIds.result,
    label: plain(tPlain(locale, 'xregion.label.result')),
    element: { type: 'radio_buttons', action_id: replyBlockIds.result, options: results, ...(chosen ? { initial_option: chosen } : {}) },
  };
  const handledAt: InputBlock = {
    type: 'input',
    block_id: replyBlockIds.handledAt,
    label: plain(tPlain(locale, 'xregion.label.handled_at')),
    element: { type: 'datetimepicker', action_id: replyBlockIds.handledAt, initial_date_time: Math.floor((previous?.handledAt ?? defaults.handledAt).getTime() / 1000) },
  };
  return {
    type: 'modal',
    callback_id: correcting ? xregionIds.replyCorrectionForm : xregionIds.replyForm,
    private_metadata: JSON.stringify({ requestId: record.request.id }),
    title: plain(tPlain(locale, correcting ? 'xregion.reply.correct_title' : 'xregion.reply.title')),
    submit: plain(tPlain(locale, correcting ? 'xregion.form.save' : 'xregion.form.submit')),
    close: plain(tPlain(locale, 'xregion.form.cancel')),
    blocks: [
      context(t(locale, 'xregion.reply.context', summaryParams(locale, record))),
      result,
      textInput(locale, replyBlockIds.reason, 'xregion.label.reason', { optional: true, multiline: true, hint: 'xregion.reply.reason_hint', initial: previous?.reason, maxLength: 1000 }),
      textInput(locale, replyBlockIds.actionsTaken, 'xregion.label.actions_taken', { multiline: true, initial: previous?.actionsTaken, maxLength: 2000 }),
      textInput(locale, replyBlockIds.handledBy, 'xregion.label.handled_by', { initial: previous?.handledBy ?? defaults.handledBy, maxLength: 100 }),
      handledAt,
      textInput(locale, replyBlockIds.notes, 'xregion.label.notes', { optional: true, multiline: true, initial: previous?.notes, maxLength: 1000 }),
    ],
  };
}

export function rejectModal(locale: Locale, record: RequestRecord): ModalView {
  return {
    type: 'modal',
    callback_id: xregionIds.rejectForm,
    private_metadata: JSON.stringify({ requestId: record.request.id }),
    title: plain(tPlain(locale, 'xregion.reject.title')),
    submit: plain(tPlain(locale, 'xregion.reject.submit')),
    close: plain(tPlain(locale, 'xregion.form.cancel')),
    blocks: [
      context(t(locale, 'xregion.reject.context', summaryParams(locale, record))),
      textInput(locale, rejectBlockIds.reason, 'xregion.label.reason', { multiline: true, maxLength: 1000 }),
    ],
  };
}

/** What replaces a submitted form: a short confirmation with a Done button. */
export function doneModal(locale: Locale, title: PlainText, body: Mrkdwn): ModalView {
  return {
    type: 'modal',
    title: plain(title),
    close: plain(tPlain(locale, 'xregion.submitted.done')),
    blocks: [section(body)],
  };
}

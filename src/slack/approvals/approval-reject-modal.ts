// The Reject modal: a decision against a request needs a reason the requester will read.
import type { ModalView } from '@slack/types';
import { t, tPlain, type Locale, type Mrkdwn, type PlainText } from '../../i18n/catalog.ts';
import { approvalIds } from '../ids.ts';
import { plainText, section } from '../kit/text.ts';

const plain = (text: PlainText, limit = 24) => plainText(text, limit);

export function rejectReasonModal(locale: Locale, input: { requestId: bigint; title: string }): ModalView {
  return {
    type: 'modal',
    callback_id: approvalIds.rejectView,
    private_metadata: JSON.stringify({ requestId: String(input.requestId) }),
    title: plain(tPlain(locale, 'approval.reject_title')),
    submit: plain(tPlain(locale, 'approval.reject_submit')),
    close: plain(tPlain(locale, 'approval.cancel')),
    blocks: [
      section(t(locale, 'approval.reject_intro', { title: input.title })),
      {
        type: 'input',
        block_id: approvalIds.rejectReason,
        label: plain(tPlain(locale, 'approval.reject_label'), 2000),
        element: {
          type: 'plain_text_input',
          action_id: approvalIds.rejectReason,
          multiline: true,
          max_length: 1000,
          placeholder: plain(tPlain(locale, 'approval.reject_placeholder'), 150),
        },
      },
    ],
  };
}

/** Replaces the Reject modal when the request was decided meanwhile. */
export function noticeModal(locale: Locale, text: Mrkdwn): ModalView {
  return { type: 'modal', title: plain(tPlain(locale, 'approval.reject_title')), close: plain(tPlain(locale, 'approval.close')), blocks: [section(text)] };
}

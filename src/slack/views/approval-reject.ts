// The Reject modal: a decision against a request needs a reason the requester will read.
import type { ModalView } from '@slack/types';
import { t, type Locale } from '../../i18n/catalog.ts';
import { approvalIds } from '../ids.ts';
import { section, truncate } from '../blocks/text.ts';

const plain = (text: string, limit = 24) => ({ type: 'plain_text' as const, text: truncate(text, limit) });

export function rejectReasonModal(locale: Locale, input: { requestId: bigint; title: string }): ModalView {
  return {
    type: 'modal',
    callback_id: approvalIds.rejectView,
    private_metadata: JSON.stringify({ requestId: String(input.requestId) }),
    title: plain(t(locale, 'approval.reject_title')),
    submit: plain(t(locale, 'approval.reject_submit')),
    close: plain(t(locale, 'approval.cancel')),
    blocks: [
      section(t(locale, 'approval.reject_intro', { title: input.title })),
      {
        type: 'input',
        block_id: approvalIds.rejectReason,
        label: plain(t(locale, 'approval.reject_label'), 2000),
        element: {
          type: 'plain_text_input',
          action_id: approvalIds.rejectReason,
          multiline: true,
          max_length: 1000,
          placeholder: plain(t(locale, 'approval.reject_placeholder'), 150),
        },
      },
    ],
  };
}

/** Replaces the Reject modal when the request was decided meanwhile. */
export function noticeModal(locale: Locale, text: string): ModalView {
  return { type: 'modal', title: plain(t(locale, 'approval.reject_title')), close: plain(t(locale, 'approval.close')), blocks: [section(text)] };
}

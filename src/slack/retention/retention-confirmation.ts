// What replaces the /retain modal once the case is stored: recorded, or sent for approval.
import type { ModalView } from '@slack/types';
import { formatYuan } from '../../domain/retention/format-yuan.ts';
import type { RecordRetentionResult } from '../../domain/retention/record-retention-case.ts';
import { t, tPlain, type Locale, type PlainText } from '../../i18n/catalog.ts';
import { plainText, section } from '../kit/text.ts';

const plain = (text: PlainText, limit = 24) => plainText(text, limit);

export function retentionConfirmation(locale: Locale, result: RecordRetentionResult): ModalView {
  const { followUpOn } = result;
  const reminder = result.outcome === 'retained' ? 'retention.recorded_callback' : 'retention.recorded_follow_up';
  const params = {
    caseId: `R-${result.caseId}`,
    customer: result.customer.name,
    offer: result.offer.name[locale],
    value: formatYuan(result.offer.value),
    outcome: tPlain(locale, `retention.outcome.${result.outcome}`),
  };
  const lines = result.approval
    ? [t(locale, 'retention.pending', { ...params, two: result.approval.requiredApprovals > 1 ? tPlain(locale, 'retention.pending_two') : '' })]
    : [t(locale, 'retention.recorded', params), ...(followUpOn ? [t(locale, reminder, { date: followUpOn })] : [])];
  return {
    type: 'modal',
    title: plain(tPlain(locale, result.approval ? 'retention.pending_title' : 'retention.recorded_title')),
    close: plain(tPlain(locale, 'retention.done')),
    blocks: lines.map((line) => section(line)),
  };
}

// What replaces the /retain modal once the case is stored: recorded, or sent for approval.
import type { ModalView } from '@slack/types';
import { formatYuan } from '../../domain/retention/format-yuan.ts';
import type { RecordRetentionResult } from '../../domain/retention/record-retention-case.ts';
import { t, type Locale } from '../../i18n/catalog.ts';
import { escapeMrkdwn } from '../blocks/mrkdwn.ts';
import { section, truncate } from '../blocks/text.ts';

const plain = (text: string) => ({ type: 'plain_text' as const, text: truncate(text, 24) });

export function retentionConfirmation(locale: Locale, result: RecordRetentionResult, followUpOn: string | null): ModalView {
  const params = {
    caseId: `R-${result.caseId}`,
    customer: escapeMrkdwn(result.customer.name),
    offer: escapeMrkdwn(result.offer.name[locale]),
    value: formatYuan(result.offer.value),
    outcome: t(locale, `retention.outcome.${result.outcome}`),
  };
  const lines = result.approval
    ? [t(locale, 'retention.pending', { ...params, two: result.approval.requiredApprovals > 1 ? t(locale, 'retention.pending_two') : '' })]
    : [t(locale, 'retention.recorded', params), ...(followUpOn ? [t(locale, 'retention.recorded_follow_up', { date: followUpOn })] : [])];
  return {
    type: 'modal',
    title: plain(t(locale, result.approval ? 'retention.pending_title' : 'retention.recorded_title')),
    close: plain(t(locale, 'retention.done')),
    blocks: lines.map((line) => section(line)),
  };
}

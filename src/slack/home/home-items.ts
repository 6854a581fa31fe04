// One Home line per item, in the viewer's language and time zone. Free text from the
// directory or from people is escaped; buttons reuse the action ids (and so the
// handlers) the same items have in messages: "Log visit", Approve / Reject.
import type { AnyBlock, Button, SectionBlock } from '@slack/types';
import type { ApprovalRecord } from '../../domain/approvals/find-approval.ts';
import type { ConsideringCase, OpenRequest } from '../../domain/home/manager-home.ts';
import type { OverdueItem } from '../../domain/home/supervisor-home.ts';
import { findOffer, type Offer } from '../../domain/retention/offer-catalogue.ts';
import { fromDbDate } from '../../domain/local-time.ts';
import type { CustomerDue } from '../../domain/visits/customer-dues.ts';
import type { DeliveryFailure } from '../../generated/prisma/client.ts';
import { t, tPlain, type Locale, type Mrkdwn, type PlainText } from '../../i18n/catalog.ts';
import { describeApproval } from '../approvals/approval-request.ts';
import { joinMrkdwn, markup, mention, slackDate } from '../kit/mrkdwn.ts';
import { plainText, section } from '../kit/text.ts';
import { serviceLabel, statusLabel } from '../xregion/format.ts';
import { approvalIds, visitIds } from '../ids.ts';

export type Reader = { locale: Locale; timeZone: string };

const button = (text: PlainText, actionId: string, value: string, style?: 'primary' | 'danger'): Button => ({
  type: 'button',
  action_id: actionId,
  value,
  text: plainText(text, 75),
  ...(style ? { style } : {}),
});

const withId = <B extends AnyBlock>(block: B, blockId: string): B => ({ ...block, block_id: blockId });

export function followUpLine(reader: Reader, due: CustomerDue, options: { showManager?: boolean } = {}): Mrkdwn {
  const params = { customer: due.name, code: due.code, days: due.daysOverdue, reason: tPlain(reader.locale, `visit.reason.${due.next.reason}`) };
  const line = t(reader.locale, due.status === 'overdue' ? 'home.follow_up_overdue' : 'home.follow_up_today', params);
  return options.showManager && due.accountManagerId
    ? joinMrkdwn([line, t(reader.locale, 'home.follow_up_manager', { manager: mention(due.accountManagerId) })], ' · ')
    : line;
}

export function followUpBlock(reader: Reader, due: CustomerDue, blockId: string): SectionBlock {
  return { ...withId(section(followUpLine(reader, due)), blockId), accessory: button(tPlain(reader.locale, 'digest.log_button'), visitIds.logFor, due.code) };
}

export function openRequestBlock(reader: Reader, request: OpenRequest, blockId: string): SectionBlock {
  const form = request.acceptanceForms[0];
  return withId(
    section(
      t(reader.locale, 'home.xregion_item', {
        number: request.number,
        member: form?.memberName ?? request.customerCode ?? '—',
        service: form ? serviceLabel(reader.locale, form.service) : '—',
        status: statusLabel(reader.locale, request.status),
        deadline: slackDate(request.replyDeadline, reader.timeZone),
      }),
    ),
    blockId,
  );
}

export function consideringBlock(reader: Reader, item: ConsideringCase, offers: Offer[], blockId: string): SectionBlock {
  const offer = item.offerCode ? (findOffer(offers, item.offerCode)?.name[reader.locale] ?? item.offerCode) : '—';
  return withId(
    section(
      t(reader.locale, 'home.retention_item', {
        customer: item.customerName,
        code: item.customerCode,
        offer,
        date: fromDbDate(item.followUpOn) ?? '—',
      }),
    ),
    blockId,
  );
}

/** The request in two blocks: what is asked, then the same Approve / Reject buttons as in the channel. */
export function approvalBlocks(reader: Reader, record: ApprovalRecord, blockId: string): AnyBlock[] {
  const { title, asked } = describeApproval(record, reader.locale);
  const value = String(record.id);
  return [
    withId(section(t(reader.locale, 'home.approval_item', { title, asked: markup(asked), requester: record.requesterId, expires: slackDate(record.expiresAt, reader.timeZone) })), blockId),
    {
      type: 'actions',
      block_id: `${blockId}.decide`,
      elements: [
        button(tPlain(reader.locale, 'approval.approve'), approvalIds.approve, value, 'primary'),
        button(tPlain(reader.locale, 'approval.reject'), approvalIds.reject, value, 'danger'),
      ],
    },
  ];
}

export function overdueBlock(reader: Reader, item: OverdueItem, blockId: string): SectionBlock {
  if (item.kind === 'follow_up') return withId(section(followUpLine(reader, item.due, { showManager: true })), blockId);
  const who = item.handlerId ? mention(item.handlerId) : tPlain(reader.locale, 'home.xregion_unhandled');
  return withId(section(t(reader.locale, 'home.xregion_overdue', { number: item.number, deadline: slackDate(item.replyDeadline, reader.timeZone), who })), blockId);
}

export function deliveryFailureBlock(reader: Reader, failure: DeliveryFailure, blockId: string): SectionBlock {
  return withId(
    section(
      t(reader.locale, 'home.delivery_failure_item', {
        error: failure.error,
        method: failure.method,
        channel: failure.channel,
        context: failure.context,
        when: slackDate(failure.at, reader.timeZone),
      }),
    ),
    blockId,
  );
}

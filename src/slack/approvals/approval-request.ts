// The supervisors' view of an approval request, rebuilt from the database every time
// it changes (posted, each decision, expiry), so the message always tells the truth.
import type { ActionsBlock, AnyBlock } from '@slack/types';
import { approvalKindOf } from '../../domain/approvals/approval-kinds.ts';
import { snapshotOf, type ApprovalRecord } from '../../domain/approvals/find-approval.ts';
import { approvalTextsOf } from './approval-kind-texts.ts';
import { t, tPlain, type Locale, type Mrkdwn } from '../../i18n/catalog.ts';
import { approvalIds } from '../ids.ts';
import { joinMrkdwn, markup, md, mentions, slackDate } from '../kit/mrkdwn.ts';
import { context, header, plainText, section } from '../kit/text.ts';

export type Rendered = { text: Mrkdwn; blocks: AnyBlock[] };

export function describeApproval(record: ApprovalRecord, locale: Locale): { title: string; asked: Mrkdwn } {
  const kind = approvalKindOf(record.kind);
  return approvalTextsOf(record.kind).describe(snapshotOf(record, kind).details, locale);
}

function decisionLine(d: ApprovalRecord['decisions'][number], locale: Locale, timeZone: string): Mrkdwn {
  const when = slackDate(d.at, timeZone);
  if (d.verdict === 'abstain') return t(locale, 'approval.decision_abstain', { user: d.deciderId, when });
  return d.verdict === 'approve'
    ? t(locale, 'approval.decision_approve', { user: d.deciderId, when })
    : t(locale, 'approval.decision_reject', { user: d.deciderId, when, reason: d.reason ?? '' });
}

function decisionLines(record: ApprovalRecord, locale: Locale, timeZone: string): Mrkdwn[] {
  // A deputy's decision says whom it stands for.
  return record.decisions.map((d) => {
    const line = decisionLine(d, locale, timeZone);
    return d.onBehalfOfId ? md`${markup(line)}${markup(t(locale, 'approval.on_behalf_of', { user: d.onBehalfOfId }))}` : line;
  });
}

function buttons(record: ApprovalRecord, locale: Locale): ActionsBlock {
  const value = String(record.id);
  return {
    type: 'actions',
    block_id: 'approval_decide',
    elements: [
      { type: 'button', action_id: approvalIds.approve, style: 'primary', value, text: plainText(tPlain(locale, 'approval.approve'), 75) },
      { type: 'button', action_id: approvalIds.reject, style: 'danger', value, text: plainText(tPlain(locale, 'approval.reject'), 75) },
      ...(record.requiredApprovals > 1 ? [{ type: 'button' as const, action_id: approvalIds.abstain, value, text: plainText(tPlain(locale, 'approval.abstain'), 75) }] : []),
    ],
  };
}

export function approvalMessage(record: ApprovalRecord, locale: Locale, timeZone: string): Rendered {
  const { title, asked } = describeApproval(record, locale);
  const pending = record.status === 'pending';
  const facts = [t(locale, 'approval.requested_by', { requester: record.requesterId, when: slackDate(record.createdAt, timeZone) })];
  if (record.requiredApprovals > 1) facts.push(t(locale, 'approval.two_approvers', { count: record.approvalCount }));
  const decisions = decisionLines(record, locale, timeZone);
  const blocks: AnyBlock[] = [
    header(tPlain(locale, pending ? 'approval.header' : 'approval.header_done', { title })),
    section(asked),
    ...(record.reason ? [section(t(locale, 'approval.why', { reason: record.reason }))] : []),
    context(joinMrkdwn(facts, '\n')),
    ...(decisions.length > 0 ? [section(joinMrkdwn(decisions, '\n'))] : []),
  ];
  if (record.status === 'pending') {
    blocks.push(context(t(locale, 'approval.deadlines', { remindAt: slackDate(record.remindAt, timeZone), expiresAt: slackDate(record.expiresAt, timeZone) })));
    blocks.push(buttons(record, locale));
  } else {
    blocks.push(section(t(locale, `approval.outcome_${record.status}` as const, { when: slackDate(record.decidedAt ?? record.updatedAt, timeZone) })));
  }
  const state = tPlain(locale, `approval.state.${record.status}`);
  return { text: md`${title} (${state})`, blocks };
}

/** The private notice to the requester once the request is decided or expired. */
export function requesterNotice(record: ApprovalRecord, locale: Locale, timeZone: string): Rendered {
  const kind = approvalKindOf(record.kind);
  const snapshot = snapshotOf(record, kind);
  const texts = approvalTextsOf(record.kind);
  const { asked } = texts.describe(snapshot.details, locale);
  const when = slackDate(record.decidedAt ?? record.updatedAt, timeZone);
  const deciders = mentions(snapshot.deciderIds, locale === 'en' ? ', ' : '、');
  const outcome = record.status === 'approved' || record.status === 'rejected' || record.status === 'expired' ? record.status : null;
  if (!outcome) throw new Error(`approval ${record.id} is not decided`);
  const headline = t(locale, `approval.requester_${outcome}`, { deciders, when, reason: record.rejectionReason ?? '' });
  const extra = texts.notice?.(outcome, snapshot, locale) ?? null;
  return {
    text: extra ? joinMrkdwn([headline, extra], ' ') : headline,
    blocks: [section(headline), section(asked), ...(extra ? [context(extra)] : [])],
  };
}

/** The threaded nudge to the region's supervisors. */
export function approvalReminder(record: ApprovalRecord, supervisorIds: string[], locale: Locale, timeZone: string): Rendered {
  const supervisors = mentions(supervisorIds, ' ');
  const text = t(locale, 'approval.reminder', { supervisors, expiresAt: slackDate(record.expiresAt, timeZone) });
  return { text, blocks: [section(text)] };
}

// What a final decision changes elsewhere in Slack, per kind, once it is committed and the
// requester has been told: e.g. an approved clock pause shows on the ticket's message.
// Kinds whose effect is only in the database need no entry.
import { slaPauseApproval } from '../../domain/tickets/sla-pause-approval.ts';
import type { ApprovalRecord } from '../../domain/approvals/find-approval.ts';
import type { BotContext } from '../bot-context.ts';
import { refreshTicketMessage } from '../tickets/refresh-ticket-message.ts';

type FollowUp = (ctx: BotContext, record: ApprovalRecord) => Promise<void>;

const followUps: Record<string, FollowUp> = {
  // Approved: "clock paused since …" and a Resume button; otherwise the pending line goes.
  [slaPauseApproval.kind]: (ctx, record) => refreshTicketMessage(ctx, record.subjectId),
};

export async function followUpDecision(ctx: BotContext, record: ApprovalRecord): Promise<void> {
  await followUps[record.kind]?.(ctx, record);
}

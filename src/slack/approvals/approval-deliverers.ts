// The outbox's deliverers for approval announcements (src/domain/approvals/approval-announcements.ts).
import { approvalAnnouncementKinds } from '../../domain/approvals/approval-announcements.ts';
import type { BotContext } from '../bot-context.ts';
import type { Deliverer } from '../outbox/outbox-sweep.ts';
import { askNextApprover } from './approval-deputies.ts';
import { announceApproval, publishApprovalState } from './publish-approval.ts';

export function approvalDeliverers(ctx: BotContext): Record<string, Deliverer> {
  return {
    [approvalAnnouncementKinds.requested]: ({ payload }) => announceApproval(ctx, BigInt(String(payload.requestId))),
    [approvalAnnouncementKinds.settled]: ({ payload }) => publishApprovalState(ctx, BigInt(String(payload.requestId))),
    [approvalAnnouncementKinds.abstained]: ({ payload }) => askNextApprover(ctx, BigInt(String(payload.requestId)), String(payload.abstainerId)),
  };
}

// What the bot owes Slack about an approval request, written in the transaction that
// opened or decided it (see ../outbox/announce.ts): the post to the supervisors, and
// after each decision or the expiry, the message updated and — once final — the
// requester told and the kind's own follow-up.
import type { Deps } from '../deps.ts';
import { announce } from '../outbox/announce.ts';

export const approvalAnnouncementKinds = { requested: 'approval.requested', settled: 'approval.settled', abstained: 'approval.abstained' } as const;

const subject = (requestId: bigint) => `approval:${requestId}`;

export function announceApprovalRequested(deps: Deps, requestId: bigint): Promise<void> {
  return announce(deps, { kind: approvalAnnouncementKinds.requested, subject: subject(requestId), payload: { requestId: String(requestId) } });
}

export function announceApprovalSettled(deps: Deps, requestId: bigint): Promise<void> {
  return announce(deps, { kind: approvalAnnouncementKinds.settled, subject: subject(requestId), payload: { requestId: String(requestId) } });
}

/** Someone abstained on a two-approver request: the next supervisor is asked in its thread. */
export function announceAbstention(deps: Deps, input: { requestId: bigint; abstainerId: string }): Promise<void> {
  return announce(deps, { kind: approvalAnnouncementKinds.abstained, subject: subject(input.requestId), payload: { requestId: String(input.requestId), abstainerId: input.abstainerId } });
}

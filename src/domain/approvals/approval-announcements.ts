// What the bot owes Slack about an approval request, written in the transaction that
// opened or decided it (see ../outbox/announce.ts): the post to the supervisors, and
// after each decision or the expiry, the message updated and — once final — the
// requester told and the kind's own follow-up.
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import { announce } from '../outbox/announce.ts';

export const approvalAnnouncementKinds = { requested: 'approval.requested', settled: 'approval.settled' } as const;

const subject = (requestId: bigint) => `approval:${requestId}`;

export function announceApprovalRequested(db: Db, clock: Clock, requestId: bigint): Promise<void> {
  return announce(db, clock, { kind: approvalAnnouncementKinds.requested, subject: subject(requestId), payload: { requestId: String(requestId) } });
}

export function announceApprovalSettled(db: Db, clock: Clock, requestId: bigint): Promise<void> {
  return announce(db, clock, { kind: approvalAnnouncementKinds.settled, subject: subject(requestId), payload: { requestId: String(requestId) } });
}

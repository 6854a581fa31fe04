// What a kind of approval is. A feature that needs a supervisor's yes (a retention offer
// above authority, an SLA clock pause, …) describes its kind once with
// defineApprovalKind and lists it in approval-kinds.ts (how it reads in Slack is
// src/slack/approvals/approval-kind-texts.ts); the mechanism (request, post,
// decide, remind, expire, tell the requester) is shared. The effects run inside the
// deciding transaction, so "approved" and what approval causes are never separated.
import type { z } from 'zod';
import type { Clock } from '../../clock.ts';
import type { Prisma } from '../../db/client.ts';
import type { StaffMember } from '../directory/find-staff.ts';

export type ApprovalOutcome = 'approved' | 'rejected' | 'expired';

/** A request as its kind sees it: the stored facts with `details` already validated. */
export type ApprovalSnapshot<Details> = {
  id: bigint;
  kind: string;
  subjectId: string;
  regionCode: string;
  requesterId: string;
  details: Details;
  reason: string | null;
  value: number | null;
  rejectionReason: string | null;
  /** Who decided (approvers in order, or the one who rejected); empty when expired. */
  deciderIds: string[];
};

/** The deciding transaction and the clock: what an effect may use. */
export type ApprovalEffectDeps = { tx: Prisma.TransactionClient; clock: Clock };

export type ApprovalKind<Details> = {
  /** Stored on every request of this kind, e.g. 'retention.offer'. */
  kind: string;
  /** Checks the details when a request is made and whenever it is read back. */
  details: z.ZodType<Details>;
  /**
   * Who may decide, when it is not "a supervisor of the request's region, or an admin".
   * The requester can never decide their own request, whatever this says.
   */
  mayDecide?(decider: StaffMember, request: ApprovalSnapshot<Details>): boolean;
  /** What approval does (in the deciding transaction). */
  onApproved(deps: ApprovalEffectDeps, request: ApprovalSnapshot<Details>): Promise<void>;
  /** What a rejection undoes or releases. */
  onRejected(deps: ApprovalEffectDeps, request: ApprovalSnapshot<Details>): Promise<void>;
  /** What happens when nobody decided in time. */
  onExpired(deps: ApprovalEffectDeps, request: ApprovalSnapshot<Details>): Promise<void>;
};

// The registry holds kinds with different detail types; each validates its own.
export type AnyApprovalKind = ApprovalKind<any>;

/** Identity function that lets TypeScript infer Details from the schema. */
export function defineApprovalKind<Details>(kind: ApprovalKind<Details>): ApprovalKind<Details> {
  return kind;
}

// Approval kind 'ticket.sla_pause': stopping a fault ticket's restore clock (e.g. no site
// access) needs a supervisor's yes. Until then the clock runs and the pings continue;
// approval at instant A stops it (pausedSince = A, the SLA ping timer cleared); a
// rejection or expiry only lets the request go. A ticket restored or cancelled while
// the request waited is left as it is.
import { z } from 'zod';
import { defineApprovalKind, type ApprovalEffectDeps, type ApprovalSnapshot } from '../approvals/approval-kind.ts';
import { recordAudit } from '../audit.ts';
import { activeStatuses } from './ticket-rules.ts';
import { cancelTicketTimers, ticketTimerKinds } from './ticket-timers.ts';

const details = z.object({
  ticketId: z.uuid(),
  number: z.string(),
  customerCode: z.string(),
  customerName: z.string(),
  serviceLevel: z.string(),
});

export type SlaPauseDetails = z.infer<typeof details>;

const subjectOf = (request: ApprovalSnapshot<SlaPauseDetails>) => `ticket:${request.details.ticketId}`;

async function letGo({ tx, clock }: ApprovalEffectDeps, request: ApprovalSnapshot<SlaPauseDetails>, why: 'rejected' | 'expired'): Promise<void> {
  await tx.ticket.updateMany({ where: { id: request.details.ticketId, pauseRequestId: request.id }, data: { pauseRequestId: null } });
  await recordAudit({ db: tx, clock: clock }, {
    actorId: request.deciderIds[0] ?? 'system',
    action: 'ticket.sla_pause_not_granted',
    subject: subjectOf(request),
    detail: { number: request.details.number, approvalId: String(request.id), why },
  });
}

async function pauseClock({ tx, clock }: ApprovalEffectDeps, request: ApprovalSnapshot<SlaPauseDetails>): Promise<void> {
  const now = clock.now();
  const ticketId = request.details.ticketId;
  // Only the ticket still waiting for exactly this request, still running, is paused.
  const paused = await tx.ticket.updateMany({
    where: { id: ticketId, pauseRequestId: request.id, pausedSince: null, status: { in: [...activeStatuses] } },
    data: { pausedSince: now, pauseRequestId: null },
  });
  if (paused.count === 1) await cancelTicketTimers(tx, ticketId, [ticketTimerKinds.sla]);
  await recordAudit({ db: tx, clock: clock }, {
    actorId: request.deciderIds.at(-1) ?? 'system',
    action: paused.count === 1 ? 'ticket.sla_paused' : 'ticket.sla_pause_moot',
    subject: subjectOf(request),
    detail: { number: request.details.number, approvalId: String(request.id), requesterId: request.requesterId, reason: request.reason, pausedSince: now.toISOString() },
  });
}

export const slaPauseApproval = defineApprovalKind<SlaPauseDetails>({
  kind: 'ticket.sla_pause',
  details,
  onApproved: pauseClock,
  onRejected: (deps, request) => letGo(deps, request, 'rejected'),
  onExpired: (deps, request) => letGo(deps, request, 'expired'),
});

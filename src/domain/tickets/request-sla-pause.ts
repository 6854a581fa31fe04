// Asking to pause a ticket's SLA clock: the claimer, a supervisor of its region or an
// admin, with a reason, on a running ticket. The request goes to the region's
// supervisors (approval kind 'ticket.sla_pause'); nothing about the clock changes yet.
// One request at a time: the ticket remembers the pending one, set by a conditional
// update in the same transaction, so of two simultaneous asks exactly one stands.
import { announcePauseRequested } from './ticket-announcements.ts';
import type { Config } from '../../config.ts';
import { inTransaction } from '../../db/transaction.ts';
import { DomainError } from '../../errors.ts';
import { requestApproval } from '../approvals/request-approval.ts';
import { slaPauseApproval } from './sla-pause-approval.ts';
import { findTicketById, type TicketRecord } from './find-ticket.ts';
import { checkTicketStep } from './take-ticket-step.ts';
import type { TicketDeps } from './ticket-deps.ts';

export type SlaPauseDeps = TicketDeps & { config: Pick<Config, 'approvals'> };

export type SlaPauseRequested = { ticket: TicketRecord; approvalId: bigint };

/** Refuses a new pause request while one is pending or the clock already stands still. */
export function assertMayAskForPause(ticket: TicketRecord): void {
  const refused = pauseRefusal(ticket);
  if (refused) throw refused;
}

/** Why no new pause can be asked for now, if so. */
function pauseRefusal(ticket: TicketRecord): DomainError | null {
  if (ticket.pausedSince) return new DomainError('ticket_clock_already_paused', { number: ticket.number, pausedSinceAt: ticket.pausedSince.getTime() });
  if (ticket.pauseRequestId !== null) return new DomainError('ticket_pause_already_requested', { number: ticket.number });
  return null;
}

export async function requestSlaPause(deps: SlaPauseDeps, input: { ticket: string; actorId: string; reason: string; /** The requester was not answered directly (a modal that closed): tell them by DM. */ notifyRequester?: boolean }): Promise<SlaPauseRequested> {
  const reason = input.reason.trim().slice(0, 500);
  if (!reason) throw new DomainError('ticket_pause_reason_required');
  const { ticket } = await checkTicketStep(deps, input, 'pause');
  assertMayAskForPause(ticket);

  const approvalId = await inTransaction(deps.db, async (tx) => {
    const approval = await requestApproval(tx, deps.clock, slaPauseApproval, {
      subjectId: ticket.id,
      regionCode: ticket.regionCode,
      requesterId: input.actorId,
      details: { ticketId: ticket.id, number: ticket.number, customerCode: ticket.customer.code, customerName: ticket.customer.name, serviceLevel: ticket.serviceLevel },
      reason,
      timing: deps.config.approvals,
    });
    const marked = await tx.ticket.updateMany({
      where: { id: ticket.id, status: ticket.status, pausedSince: null, pauseRequestId: null },
      data: { pauseRequestId: approval.id },
    });
    if (marked.count !== 1) {
      // Someone asked (or the ticket moved on) between our read and now: refuse with the ticket as it is.
      const current = (await findTicketById(tx, ticket.id))!;
      throw pauseRefusal(current) ?? new DomainError('ticket_wrong_state', { number: ticket.number, status: current.status });
    }
    // The pending request shows on the ticket; the request itself is announced by requestApproval.
    await announcePauseRequested({ db: tx, clock: deps.clock }, { ticketId: ticket.id, requesterId: input.notifyRequester ? input.actorId : null });
    return approval.id;
  });
  return { ticket: (await findTicketById(deps.db, ticket.id))!, approvalId };
}

// Ending an approved pause by hand (/ticket resume, the "Resume clock" button): the
// paused time R − A is added to pausedMillis, the deadline moves by exactly that, and
// the SLA pings are scheduled again from the new deadline — all in one transaction,
// conditional on the pause that was read, so two resumes count the pause once.
import { announceTicketMessage } from './ticket-announcements.ts';
import { inTransaction } from '../../db/transaction.ts';
import { DomainError } from '../../errors.ts';
import { findTicketById, type TicketRecord } from './find-ticket.ts';
import { pauseEnd, recordPauseEnded } from './sla-pause.ts';
import { checkTicketStep } from './take-ticket-step.ts';
import type { TicketDeps } from './ticket-deps.ts';
import { scheduleSlaPings } from './ticket-timers.ts';

export type SlaResumed = { ticket: TicketRecord; pausedFor: number };

export async function resumeSlaClock(deps: TicketDeps, input: { ticket: string; actorId: string }): Promise<SlaResumed> {
  const { ticket } = await checkTicketStep(deps, input, 'resume');
  const now = deps.clock.now();
  const end = pauseEnd(ticket, now);
  if (!end) throw new DomainError('ticket_clock_not_paused', { number: ticket.number });

  await inTransaction(deps.db, async (tx) => {
    const resumed = await tx.ticket.updateMany({
      where: { id: ticket.id, status: ticket.status, pausedSince: ticket.pausedSince },
      data: { pausedSince: null, pausedMillis: end.pausedMillis, restoreDeadline: end.restoreDeadline, slaPingedThrough: end.slaPingedThrough },
    });
    if (resumed.count !== 1) throw new DomainError('ticket_clock_not_paused', { number: ticket.number });
    await recordPauseEnded(tx, deps.clock, input.actorId, ticket, 'resumed');
    // From the moved cursor: a step that fell due before the pause but was not yet sent comes at once.
    const plan = { id: ticket.id, openedAt: ticket.openedAt, windowMinutes: ticket.windowMinutes, restoreDeadline: end.restoreDeadline };
    await scheduleSlaPings(tx, plan, deps.config.tickets, end.slaPingedThrough ?? ticket.openedAt);
    await announceTicketMessage({ db: tx, clock: deps.clock }, ticket.id);
  });
  return { ticket: (await findTicketById(deps.db, ticket.id))!, pausedFor: end.pausedFor };
}

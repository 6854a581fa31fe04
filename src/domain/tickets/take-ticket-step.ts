// The one way a ticket changes state: check the actor may take the step and the ticket
// is in a state the step starts from, then update it conditionally on exactly the state
// that was checked. Of several people acting at once (50 claim clicks), one update
// matches; the others see count 0 and are told why, with the ticket as it now is.
import type { Prisma } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { DomainError } from '../../errors.ts';
import type { TicketStatus } from '../../generated/prisma/enums.ts';
import { recordAudit } from '../audit.ts';
import { requireStaff } from '../directory/find-staff.ts';
import { findTicketById, requireTicket, type TicketRecord } from './find-ticket.ts';
import { announceTicketStep, type TicketStepFacts } from './ticket-announcements.ts';
import { isSystemActor, type TicketDeps } from './ticket-deps.ts';
import { mayTakeStep, stepStartsFrom, type Actor, type TicketEvent, type TicketStep } from './ticket-rules.ts';

export type TicketChange = {
  /** The ticket after the change. */
  ticket: TicketRecord;
  event: TicketEvent;
  actorId: string;
  from: TicketStatus;
  previousClaimerId: string | null;
  at: Date;
};

export type StepPlan = {
  step: TicketStep;
  event: TicketEvent;
  /** The new column values, from the ticket as it was. */
  change(ticket: TicketRecord, now: Date): Prisma.TicketUpdateManyMutationInput;
  /** Runs first in the transaction, e.g. to lock the row and read what a concurrent step just wrote. */
  before?(tx: Prisma.TransactionClient, ticket: TicketRecord): Promise<void>;
  /** Work that belongs with the change (timers, links), in the same transaction. */
  alongside?(tx: Prisma.TransactionClient, ticket: TicketRecord, now: Date): Promise<void>;
  /**
   * What Slack is told, written in the same transaction (default: the step's standard
   * announcement). A step with an announcement of its own writes it here.
   */
  announce?(tx: Prisma.TransactionClient, facts: TicketStepFacts): Promise<void>;
  /** Checks beyond the standard rules (e.g. who may receive a reassigned ticket). */
  check?(actor: Actor | null, ticket: TicketRecord): Promise<void>;
  detail?: Record<string, unknown>;
};

/** The ticket, if the actor may take the step on it now; otherwise the refusal. */
export async function checkTicketStep(deps: Pick<TicketDeps, 'db'>, ref: { ticket: string; actorId: string }, step: TicketStep) {
  const ticket = await requireTicket(deps.db, ref.ticket);
  let actor: Actor | null = null;
  if (!isSystemActor(ref.actorId)) {
    actor = await requireStaff(deps, ref.actorId);
    if (!mayTakeStep(step, actor, ticket)) throw notAllowed(step, ticket);
  }
  if (!stepStartsFrom[step].includes(ticket.status)) throw refusalFor(step, ticket);
  return { ticket, actor };
}

export async function takeTicketStep(deps: TicketDeps, ref: { ticket: string; actorId: string }, plan: StepPlan): Promise<TicketChange> {
  const { ticket, actor } = await checkTicketStep(deps, ref, plan.step);
  await plan.check?.(actor, ticket);

  const now = deps.clock.now();
  const data = plan.change(ticket, now);
  await inTransaction(deps.db, async (tx) => {
    await plan.before?.(tx, ticket);
    // pausedSince too: a pause starting or ending meanwhile changes what the step must write.
    const changed = await tx.ticket.updateMany({ where: { id: ticket.id, status: ticket.status, claimerId: ticket.claimerId, pausedSince: ticket.pausedSince }, data });
    if (changed.count !== 1) {
      const current = await tx.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
      throw refusalFor(plan.step, { ...ticket, ...current });
    }
    await recordAudit({ db: tx, clock: deps.clock }, {
      actorId: ref.actorId,
      action: `ticket.${plan.event}`,
      subject: `ticket:${ticket.id}`,
      detail: { number: ticket.number, from: ticket.status, to: (data.status as TicketStatus | undefined) ?? ticket.status, ...plan.detail },
    });
    await plan.alongside?.(tx, ticket, now);
    const facts: TicketStepFacts = {
      ticketId: ticket.id,
      event: plan.event,
      actorId: ref.actorId,
      from: ticket.status,
      to: (data.status as TicketStatus | undefined) ?? ticket.status,
      claimerId: 'claimerId' in data ? ((data.claimerId as string | null | undefined) ?? null) : ticket.claimerId,
      previousClaimerId: ticket.claimerId,
      at: now.toISOString(),
    };
    await (plan.announce ? plan.announce(tx, facts) : announceTicketStep({ db: tx, clock: deps.clock }, facts));
  });
  const after = (await findTicketById(deps.db, ticket.id))!;
  return { ticket: after, event: plan.event, actorId: ref.actorId, from: ticket.status, previousClaimerId: ticket.claimerId, at: now };
}

/** Why the step cannot start from the ticket's current state. */
export function refusalFor(step: TicketStep, ticket: { number: string; status: TicketStatus; claimerId: string | null; claimedAt: Date | null }): DomainError {
  if (step === 'claim' && ticket.claimerId && ticket.claimedAt) {
    return new DomainError('ticket_already_claimed', { number: ticket.number, claimer: ticket.claimerId, claimedAt: ticket.claimedAt.getTime() });
  }
  return new DomainError('ticket_wrong_state', { number: ticket.number, status: ticket.status });
}

function notAllowed(step: TicketStep, ticket: { number: string }): DomainError {
  switch (step) {
    case 'claim':
      return new DomainError('ticket_claim_not_allowed', { number: ticket.number });
    case 'confirm_claim':
      return new DomainError('ticket_not_your_claim', { number: ticket.number });
    case 'reassign':
    case 'cancel':
      return new DomainError('ticket_supervisor_only', { number: ticket.number });
    default:
      return new DomainError('ticket_step_not_allowed', { number: ticket.number });
  }
}

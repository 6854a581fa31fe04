// Who may take which step of a ticket, and from which states: pure rules, so the
// lifecycle can be read (and tested) in one screen.
import type { StaffRole, TicketStatus } from '../../generated/prisma/enums.ts';

export type TicketStep =
  | 'claim'
  | 'release'
  | 'reassign'
  | 'on_site'
  | 'restore'
  | 'close'
  | 'cancel'
  | 'major'
  | 'confirm_claim'
  // Asking to pause the SLA clock, and ending a pause (src/domain/tickets/sla-pause*.ts).
  | 'pause'
  | 'resume';

/** The states each step may start from. */
export const stepStartsFrom: Record<TicketStep, readonly TicketStatus[]> = {
  claim: ['open'],
  release: ['claimed', 'on_site'],
  reassign: ['open', 'claimed', 'on_site'],
  on_site: ['claimed'],
  restore: ['claimed', 'on_site'],
  close: ['restored'],
  cancel: ['open', 'claimed', 'on_site'],
  major: ['open', 'claimed', 'on_site'],
  confirm_claim: ['claimed'],
  pause: ['open', 'claimed', 'on_site'],
  resume: ['open', 'claimed', 'on_site'],
};

/** Still waiting for service to come back: the SLA clock runs and pings are due. */
export const activeStatuses: readonly TicketStatus[] = ['open', 'claimed', 'on_site'];

export type Actor = { slackUserId: string; role: StaffRole; regionCode: string | null };
export type TicketParties = { regionCode: string; claimerId: string | null };

const regionSupervisor = (actor: Actor, ticket: TicketParties) => actor.role === 'supervisor' && actor.regionCode === ticket.regionCode;

/** Whether the actor may take the step on this ticket (its state is checked separately). */
export function mayTakeStep(step: TicketStep, actor: Actor, ticket: TicketParties): boolean {
  if (actor.role === 'admin') return true;
  const isClaimer = ticket.claimerId !== null && ticket.claimerId === actor.slackUserId;
  switch (step) {
    case 'claim':
      return regionSupervisor(actor, ticket) || (actor.role === 'field_engineer' && actor.regionCode === ticket.regionCode);
    case 'confirm_claim':
      return isClaimer;
    case 'reassign':
    case 'cancel':
      return regionSupervisor(actor, ticket);
    case 'release':
    case 'on_site':
    case 'restore':
    case 'close':
    case 'major':
    case 'pause':
    case 'resume':
      return isClaimer || regionSupervisor(actor, ticket);
  }
}

/** Who may be given a ticket by a reassignment: an engineer or supervisor of its region. */
export function mayHoldTicket(candidate: Actor, ticket: TicketParties): boolean {
  return (candidate.role === 'field_engineer' || candidate.role === 'supervisor') && candidate.regionCode === ticket.regionCode;
}

export type TicketEvent =
  | 'opened'
  | 'claimed'
  | 'claim_confirmed'
  | 'released'
  | 'auto_released'
  | 'reassigned'
  | 'on_site'
  | 'restored'
  | 'closed'
  | 'cancelled'
  | 'breached'
  | 'major';

const managerAlwaysHears: ReadonlySet<TicketEvent> = new Set(['opened', 'claimed', 'breached', 'restored']);

/**
 * The account manager hears of the opening, the claim, a breach and the restoration;
 * for diamond and AAA customers (介入制: tracked in real time) of every step.
 */
export function managerHearsOf(event: TicketEvent, ticket: { serviceLevel: string; cardTier: string | null }): boolean {
  // A claimer confirming they are still on it is not a step of the ticket.
  if (event === 'claim_confirmed') return false;
  return managerAlwaysHears.has(event) || ticket.serviceLevel === 'AAA' || ticket.cardTier === 'diamond';
}

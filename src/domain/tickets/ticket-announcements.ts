// What the bot owes Slack after a ticket changed, written in the change's transaction
// (see ../outbox/announce.ts). The payload freezes what the step was — event, actor,
// from and to — so the history line says what happened even if the ticket moved on
// before the announcement went out; everything else is rendered from the ticket as
// it is at delivery.
import type { Deps } from '../deps.ts';
import type { TicketStatus } from '../../generated/prisma/enums.ts';
import { announce } from '../outbox/announce.ts';
import type { TicketEvent } from './ticket-rules.ts';

export const ticketAnnouncementKinds = {
  opened: 'ticket.opened',
  changed: 'ticket.changed',
  major: 'ticket.major',
  /** Only the channel message, re-rendered (the clock resumed). */
  message: 'ticket.message',
  /** The channel message shows the pending request; the requester hears where it went. */
  pauseRequested: 'ticket.pause_requested',
  /** A note in the work log: posted to the ticket's thread. */
  note: 'ticket.note',
  /** Opened from a message (message shortcut): the thread links back to it. */
  fromMessage: 'ticket.from_message',
} as const;

export const ticketSubject = (ticketId: string) => `ticket:${ticketId}`;

export type TicketStepFacts = {
  ticketId: string;
  event: TicketEvent;
  actorId: string;
  from: TicketStatus;
  to: TicketStatus;
  /** The claimer right after the step. */
  claimerId: string | null;
  previousClaimerId: string | null;
  at: string;
};

export type TicketMajorFacts = TicketStepFacts & { firstMarking: boolean; affectedCodes: string[]; note: string | null };

export function announceTicketOpened(deps: Deps, ticketId: string): Promise<void> {
  return announce(deps, { kind: ticketAnnouncementKinds.opened, subject: ticketSubject(ticketId), payload: { ticketId } });
}

export function announceTicketStep(deps: Deps, facts: TicketStepFacts): Promise<void> {
  return announce(deps, { kind: ticketAnnouncementKinds.changed, subject: ticketSubject(facts.ticketId), payload: facts });
}

export function announceMajorFault(deps: Deps, facts: TicketMajorFacts): Promise<void> {
  return announce(deps, { kind: ticketAnnouncementKinds.major, subject: ticketSubject(facts.ticketId), payload: facts });
}

export function announceTicketMessage(deps: Deps, ticketId: string): Promise<void> {
  return announce(deps, { kind: ticketAnnouncementKinds.message, subject: ticketSubject(ticketId), payload: { ticketId } });
}

export function announcePauseRequested(deps: Deps, input: { ticketId: string; requesterId: string | null }): Promise<void> {
  return announce(deps, { kind: ticketAnnouncementKinds.pauseRequested, subject: ticketSubject(input.ticketId), payload: input });
}

export type TicketNoteFacts = { ticketId: string; actorId: string; text: string; at: string };

export function announceTicketNote(deps: Deps, facts: TicketNoteFacts): Promise<void> {
  return announce(deps, { kind: ticketAnnouncementKinds.note, subject: ticketSubject(facts.ticketId), payload: facts });
}

export type TicketSourceMessage = { channelId: string; messageTs: string };

export function announceOpenedFromMessage(deps: Deps, input: { ticketId: string } & TicketSourceMessage): Promise<void> {
  return announce(deps, { kind: ticketAnnouncementKinds.fromMessage, subject: ticketSubject(input.ticketId), payload: input });
}

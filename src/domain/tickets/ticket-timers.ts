// The durable timers a ticket keeps (at most one of each kind per ticket):
// - ticket.sla          the next SLA countdown ping, until restored
// - ticket.unclaimed    the "still unclaimed" re-ping, while nobody holds it
// - ticket.claim_check  the "still on it?" question to a claimer who is not on site yet
// Set and cleared in the same transaction as the change that causes them.
import type { TicketSettings } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { cancelTimer, scheduleTimer } from '../timers/schedule-timer.ts';
import { nextSlaStep, type SlaPlan } from './sla-pings.ts';

export const ticketTimerKinds = {
  sla: 'ticket.sla',
  unclaimed: 'ticket.unclaimed',
  claimCheck: 'ticket.claim_check',
} as const;

export type TicketTimerKind = (typeof ticketTimerKinds)[keyof typeof ticketTimerKinds];

export function slaPlanOf(ticket: { openedAt: Date; windowMinutes: number; restoreDeadline: Date }): SlaPlan {
  return { openedAt: ticket.openedAt, windowMinutes: ticket.windowMinutes, deadline: ticket.restoreDeadline };
}

export async function scheduleSlaPings(db: Db, ticket: { id: string; openedAt: Date; windowMinutes: number; restoreDeadline: Date }, settings: TicketSettings, after: Date) {
  await scheduleTimer({ db }, { kind: ticketTimerKinds.sla, subjectId: ticket.id, dueAt: nextSlaStep(slaPlanOf(ticket), settings, after).at });
}

export async function scheduleTicketTimer(db: Db, kind: TicketTimerKind, ticketId: string, dueAt: Date) {
  await scheduleTimer({ db }, { kind, subjectId: ticketId, dueAt });
}

export async function cancelTicketTimers(db: Db, ticketId: string, kinds: TicketTimerKind[]) {
  for (const kind of kinds) await cancelTimer({ db }, { kind, subjectId: ticketId });
}

export const minutesAfter = (at: Date, minutes: number) => new Date(at.getTime() + minutes * 60_000);

// Live tracking (介入制): the account manager of a diamond customer (and, with
// LIVE_TRACKING_AAA=yes, of an AAA customer) follows the open ticket in real time and
// keeps the customer informed. One DM per ticket follows every step; a durable timer
// reminds the manager when the customer has gone LIVE_TRACKING_INFORM_MINUTES without news.
import type { TicketSettings } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { scheduleTimer } from '../timers/schedule-timer.ts';
import { activeStatuses } from './ticket-rules.ts';
import type { TicketStatus } from '../../generated/prisma/enums.ts';

export const liveTrackingTimer = 'ticket.inform_reminder';

/** The audit action of "Customer informed" (not `ticket.…`: it is not a step of the ticket). */
export const customerInformedAction = 'live.customer_informed';

type Tracked = { customer: { cardTier: string | null; serviceLevel: string | null } };

/** Whether the customer's tickets are tracked live at all (open or not). */
export function isLiveTrackedCustomer(ticket: Tracked, settings: Pick<TicketSettings, 'liveTracking'>): boolean {
  return ticket.customer.cardTier === 'diamond' || (settings.liveTracking.includeAAA && ticket.customer.serviceLevel === 'AAA');
}

/** Tracked now: the customer's ticket is still being worked on. */
export function isLiveTracked(ticket: Tracked & { status: TicketStatus }, settings: Pick<TicketSettings, 'liveTracking'>): boolean {
  return activeStatuses.includes(ticket.status) && isLiveTrackedCustomer(ticket, settings);
}

/** Since when the customer has had no news: the last "Customer informed", or the opening. */
export const silentSince = (ticket: { openedAt: Date; customerInformedAt: Date | null }): Date => ticket.customerInformedAt ?? ticket.openedAt;

export const minutesSince = (at: Date, now: Date): number => Math.max(0, Math.floor((now.getTime() - at.getTime()) / 60_000));

/** The next reminder: informMinutes after the customer last heard. */
export async function scheduleInformReminder(db: Db, ticketId: string, since: Date, settings: Pick<TicketSettings, 'liveTracking'>): Promise<void> {
  await scheduleTimer({ db }, { kind: liveTrackingTimer, subjectId: ticketId, dueAt: new Date(since.getTime() + settings.liveTracking.informMinutes * 60_000) });
}

/**
 * When the reminder timer fires at `now`: the reminder owed (its key, so each is sent
 * once) and when to look again. The reminder repeats every informMinutes of silence.
 */
export function informReminderDue(since: Date, now: Date, informMinutes: number): { key: string | null; silentMinutes: number; next: Date } {
  const step = informMinutes * 60_000;
  const periods = Math.floor((now.getTime() - since.getTime()) / step);
  const next = new Date(since.getTime() + (Math.max(periods, 0) + 1) * step);
  if (periods < 1) return { key: null, silentMinutes: minutesSince(since, now), next };
  return { key: `inform_reminder:${since.toISOString()}:${periods}`, silentMinutes: periods * informMinutes, next };
}

/** Where the manager's live DM lives, once posted. */
export async function recordLiveMessage(db: Db, ticketId: string, message: { channel: string; ts: string }): Promise<void> {
  await db.ticket.update({ where: { id: ticketId }, data: { liveChannelId: message.channel, liveMessageTs: message.ts } });
}

// Live tracking (介入制) in the monthly report: for each ticket of the region opened in the
// month that its account manager tracked live (its live DM was posted), the longest time
// the customer went without news — from the opening, between two "Customer informed",
// and from the last one to the restore (or cancellation, or now while it runs).
import type { Deps } from '../deps.ts';
import { customerInformedAction } from '../tickets/live-tracking.ts';

export type LiveSilence = { number: string; customerName: string; longestSilenceMinutes: number; informed: number; stillOpen: boolean };
export type LiveTrackingFigures = { tickets: LiveSilence[] };

export const longestSilencesShown = 10;

/** The longest gap between consecutive instants (sorted), in whole minutes rounded up. */
export function longestGapMinutes(instants: Date[]): number {
  const times = instants.map((d) => d.getTime()).sort((a, b) => a - b);
  let longest = 0;
  for (let i = 1; i < times.length; i++) longest = Math.max(longest, times[i]! - times[i - 1]!);
  return Math.ceil(longest / 60_000);
}

export async function liveTrackingFigures(deps: Deps, input: { regionCode: string; start: Date; end: Date }): Promise<LiveTrackingFigures> {
  const now = deps.clock.now();
  const tickets = await deps.db.ticket.findMany({
    where: { regionCode: input.regionCode, openedAt: { gte: input.start, lt: input.end }, liveMessageTs: { not: null } },
    select: { id: true, number: true, openedAt: true, restoredAt: true, cancelledAt: true, customer: { select: { name: true } } },
  });
  if (tickets.length === 0) return { tickets: [] };
  const informs = await deps.db.auditEntry.findMany({
    where: { action: customerInformedAction, subject: { in: tickets.map((t) => `ticket:${t.id}`) } },
    select: { subject: true, at: true },
  });
  const rows = tickets.map((ticket) => {
    const informed = informs.filter((i) => i.subject === `ticket:${ticket.id}`).map((i) => i.at);
    const endedAt = ticket.restoredAt ?? ticket.cancelledAt;
    const until = endedAt ?? now;
    const instants = [ticket.openedAt, ...informed.filter((at) => at <= until), until];
    return { number: ticket.number, customerName: ticket.customer.name, longestSilenceMinutes: longestGapMinutes(instants), informed: informed.length, stillOpen: endedAt === null };
  });
  rows.sort((a, b) => b.longestSilenceMinutes - a.longestSilenceMinutes || a.number.localeCompare(b.number));
  return { tickets: rows.slice(0, longestSilencesShown) };
}

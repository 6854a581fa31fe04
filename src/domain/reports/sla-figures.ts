// SLA compliance of a region's fault tickets opened in a month: the share restored by
// the restore deadline, by service level and scope, and the worst breaches. A ticket
// still open before its deadline is not decided yet and is left out; one still open past
// it, or restored late, is a breach; cancelled tickets do not count.
import type { ServiceLevel, TicketScope } from '../../generated/prisma/enums.ts';
import type { Deps } from '../deps.ts';

export const serviceLevels = ['AAA', 'AA', 'A', 'standard'] as const satisfies readonly ServiceLevel[];
export const ticketScopes = ['within_province', 'across_provinces'] as const satisfies readonly TicketScope[];

export type SlaGroup = { serviceLevel: ServiceLevel; scope: TicketScope; decided: number; inTime: number; share: number | null };
export type SlaBreach = { number: string; customerName: string; serviceLevel: ServiceLevel; scope: TicketScope; overrunMinutes: number; restored: boolean };
export type SlaFigures = { opened: number; decided: number; inTime: number; share: number | null; stillRunning: number; groups: SlaGroup[]; worstBreaches: SlaBreach[] };

export const worstBreachCount = 5;

const share = (inTime: number, decided: number) => (decided === 0 ? null : (inTime / decided) * 100);

export async function slaFigures(deps: Deps, input: { regionCode: string; start: Date; end: Date }): Promise<SlaFigures> {
  const now = deps.clock.now();
  const tickets = await deps.db.ticket.findMany({
    where: { regionCode: input.regionCode, openedAt: { gte: input.start, lt: input.end }, status: { not: 'cancelled' } },
    select: { number: true, serviceLevel: true, scope: true, restoreDeadline: true, restoredAt: true, customer: { select: { name: true } } },
  });
  const judged = tickets.map((t) => {
    const endedAt = t.restoredAt ?? now;
    const decided = t.restoredAt !== null || t.restoreDeadline < now;
    return { ...t, decided, inTime: t.restoredAt !== null && t.restoredAt <= t.restoreDeadline, overrunMillis: endedAt.getTime() - t.restoreDeadline.getTime() };
  });
  const decided = judged.filter((t) => t.decided);
  const groups = serviceLevels.flatMap((serviceLevel) =>
    ticketScopes.flatMap((scope) => {
      const inGroup = decided.filter((t) => t.serviceLevel === serviceLevel && t.scope === scope);
      if (inGroup.length === 0) return [];
      const inTime = inGroup.filter((t) => t.inTime).length;
      return [{ serviceLevel, scope, decided: inGroup.length, inTime, share: share(inTime, inGroup.length) }];
    }),
  );
  const worstBreaches = decided
    .filter((t) => !t.inTime)
    .sort((a, b) => b.overrunMillis - a.overrunMillis || a.number.localeCompare(b.number))
    .slice(0, worstBreachCount)
    .map((t) => ({ number: t.number, customerName: t.customer.name, serviceLevel: t.serviceLevel, scope: t.scope, overrunMinutes: Math.ceil(t.overrunMillis / 60_000), restored: t.restoredAt !== null }));
  const inTime = decided.filter((t) => t.inTime).length;
  return { opened: tickets.length, decided: decided.length, inTime, share: share(inTime, decided.length), stillRunning: tickets.length - decided.length, groups, worstBreaches };
}

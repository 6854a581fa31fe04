// A major (batch) fault (升级报备): the ticket is marked major and linked to the other
// customers the same outage hits. Returns the customers newly affected by this call —
// on the first marking including the ticket's own — so the Slack side can escalate to
// supervisors at once and send each account manager ONE message for all of theirs.
import { DomainError } from '../../errors.ts';
import { takeTicketStep, type TicketChange } from './take-ticket-step.ts';
import { announceMajorFault } from './ticket-announcements.ts';
import type { TicketDeps } from './ticket-deps.ts';

export type AffectedCustomer = { code: string; name: string; regionCode: string; accountManagerId: string | null };
export type MajorFault = TicketChange & { firstMarking: boolean; newlyAffected: AffectedCustomer[] };

const customerFields = { code: true, name: true, regionCode: true, accountManagerId: true } as const;

/** The customers by code (deduplicated, any case), or a refusal naming the first unknown one. */
export async function requireKnownCustomers(deps: Pick<TicketDeps, 'db'>, customerCodes: string[]) {
  const codes = [...new Set(customerCodes.map((code) => code.trim().toUpperCase()).filter(Boolean))];
  const found = await deps.db.customer.findMany({ where: { code: { in: codes } }, select: customerFields });
  const unknown = codes.find((code) => !found.some((customer) => customer.code === code));
  if (unknown) throw new DomainError('ticket_unknown_customer', { code: unknown });
  return { codes, found };
}

export async function markTicketMajor(
  deps: TicketDeps,
  input: { ticket: string; actorId: string; customerCodes: string[]; note?: string },
): Promise<MajorFault> {
  const { codes, found } = await requireKnownCustomers(deps, input.customerCodes);

  let firstMarking = false;
  let linkedCodes: string[] = [];
  const change = await takeTicketStep(deps, input, {
    step: 'major',
    event: 'major',
    detail: { customers: codes, note: input.note ?? null },
    change: () => ({ major: true }),
    // Two supervisors marking at once: the second waits here for the first to commit,
    // then reads major = true, so exactly one marking is the first (and escalates).
    before: async (tx, ticket) => {
      const [row] = await tx.$queryRaw<{ major: boolean }[]>`SELECT major FROM tickets WHERE id = ${ticket.id}::uuid FOR UPDATE`;
      firstMarking = !row?.major;
    },
    alongside: async (tx, ticket, now) => {
      const already = await tx.ticketAffectedCustomer.findMany({ where: { ticketId: ticket.id }, select: { customerCode: true } });
      const known = new Set([ticket.customerCode, ...already.map((row) => row.customerCode)]);
      linkedCodes = codes.filter((code) => !known.has(code));
      await tx.ticketAffectedCustomer.createMany({
        data: linkedCodes.map((customerCode) => ({ ticketId: ticket.id, customerCode, linkedById: input.actorId, linkedAt: now })),
        skipDuplicates: true,
      });
    },
    announce: (tx, facts) =>
      // The ticket's own customer counts as newly affected on the first marking (the deliverer adds it).
      announceMajorFault({ db: tx, clock: deps.clock }, { ...facts, firstMarking, affectedCodes: linkedCodes, note: input.note ?? null }),
  });
  const own = firstMarking ? [{ ...change.ticket.customer }] : [];
  const newlyAffected = [...own, ...found.filter((customer) => linkedCodes.includes(customer.code))].map((c) => ({
    code: c.code,
    name: c.name,
    regionCode: c.regionCode,
    accountManagerId: c.accountManagerId,
  }));
  return { ...change, firstMarking, newlyAffected };
}

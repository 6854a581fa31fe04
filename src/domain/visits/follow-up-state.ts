// A customer's follow-up state: the facts the policy needs, read from the directory and
// from customer_follow_ups, and the refresh that rewrites that row whenever a visit is
// logged or edited (in the same transaction): the last contact, and the promise that
// still stands (see openPromise).
import type { Db } from '../../db/client.ts';
import type { Customer, CustomerFollowUp } from '../../generated/prisma/client.ts';
import { loadWorkCalendar } from '../calendar/load-work-calendar.ts';
import type { WorkCalendar } from '../calendar/work-calendar.ts';
import { fromDbDate, localDateOf, toDbDate, type LocalDate } from '../local-time.ts';
import { nextContactDue, type FollowUpFacts, type FollowUpPolicy, type NextContact } from './follow-up-policy.ts';
import { staffTimeZone } from './reminder-schedule.ts';

/** The zone a customer's days are counted in: their account manager's, else the bot's. */
export function customerTimeZone(customer: { accountManager?: { timezone: string | null } | null }, fallback: string): string {
  return staffTimeZone(customer.accountManager ?? { timezone: null }, fallback);
}

/** The work calendar due dates are moved by, for the years around `around`. */
export function followUpCalendar(db: Db, policy: FollowUpPolicy, around: LocalDate): Promise<WorkCalendar> {
  return loadWorkCalendar(db, { around: toDbDate(around), regularWeek: policy.workingDays });
}

/** What a customer's account manager's time zone needs to be read with the customer. */
export const withManagerZone = { accountManager: { select: { timezone: true } } } as const;

/** `timeZone`: the one the day of entering the directory is read in (see customerTimeZone). */
export function followUpFactsOf(customer: Customer, followUp: Pick<CustomerFollowUp, 'lastContactOn' | 'promisedOn'> | null, timeZone: string): FollowUpFacts {
  return {
    kind: customer.kind,
    cardTier: customer.cardTier,
    serviceLevel: customer.serviceLevel,
    joinedOn: fromDbDate(customer.joinedOn),
    // Entered at 01:00 in Beijing is that day, not the day before (UTC).
    knownSinceOn: localDateOf(customer.createdAt, timeZone),
    lastContactOn: fromDbDate(followUp?.lastContactOn ?? null),
    promisedOn: fromDbDate(followUp?.promisedOn ?? null),
  };
}

/**
 * Serialises visit writes for one customer: two visits logged at once both see each
 * other before the follow-up row is recomputed. Call first in the transaction.
 */
export async function lockCustomers(tx: Db, codes: string[]): Promise<void> {
  // Sorted, so two transactions locking the same pair cannot deadlock.
  for (const code of [...new Set(codes)].sort()) {
    await tx.$queryRaw`SELECT code FROM customers WHERE code = ${code} FOR UPDATE`;
  }
}

/** Recomputes the customer's next-contact date from their visits and stores it. */
export async function refreshFollowUp(tx: Db, input: { customerCode: string; policy: FollowUpPolicy; now: Date }): Promise<NextContact> {
  const customer = await tx.customer.findUniqueOrThrow({ where: { code: input.customerCode }, include: withManagerZone });
  const latest = await tx.visit.findFirst({
    where: { customerCode: input.customerCode },
    orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
    select: { occurredOn: true },
  });
  const facts = { lastContactOn: latest?.occurredOn ?? null, promisedOn: await openPromise(tx, input.customerCode) };
  const timeZone = customerTimeZone(customer, input.policy.timeZone);
  const calendar = await followUpCalendar(tx, input.policy, localDateOf(input.now, timeZone));
  const next = nextContactDue(followUpFactsOf(customer, facts, timeZone), input.policy, calendar);
  const row = { ...facts, nextContactDueOn: toDbDate(next.dueOn), dueReason: next.reason, updatedAt: input.now };
  await tx.customerFollowUp.upsert({ where: { customerCode: input.customerCode }, create: { customerCode: input.customerCode, ...row }, update: row });
  return next;
}

/**
 * The follow-up date promised to the customer that still stands: the promise of the
 * visit logged last among those that made one (a newer promise replaces an older one,
 * whatever the visits' own times), until a contact logged after it, on or after the
 * promised day, keeps it. A visit without a date neither keeps nor cancels a promise.
 */
async function openPromise(tx: Db, customerCode: string): Promise<Date | null> {
  const promise = await tx.visit.findFirst({
    where: { customerCode, nextFollowUpOn: { not: null } },
    // Ids grow in the order visits are logged.
    orderBy: { id: 'desc' },
    select: { id: true, nextFollowUpOn: true },
  });
  if (!promise) return null;
  const kept = await tx.visit.count({ where: { customerCode, id: { gt: promise.id }, occurredOn: { gte: promise.nextFollowUpOn! } } });
  return kept > 0 ? null : promise.nextFollowUpOn;
}

// The follow-up policy, in one place. Every customer has a "next contact due" date:
// the earliest of
//   • the first callback: a new customer is called within `firstCallbackDays` of
//     joining (7 days, from the service manual) until any contact has been logged
//     on or after the joining date;
//   • the cadence of their tier: `cadenceDays[tier]` after the last contact;
//   • a promise: the next follow-up date of the last visit logged with one, until a
//     contact logged after it, on or after that day, keeps it (follow-up-state.ts). A
//     promise can bring the date forward but never excuses the tier's cadence.
// Nobody is overdue for the time before the bot knew them: without any contact, the
// cadence counts from the later of joining and entering the directory, and a customer
// counts as new (first callback) only if they joined at most `newCustomerWindowDays`
// before entering it — loading a directory of long-standing customers does not make
// them all "years overdue".
// Day N is still on time; day N + 1 is overdue. A day N on a holiday moves (see nextContactDue).
import type { CardTier, CustomerKind, ServiceLevel } from '../../generated/prisma/enums.ts';
import { moveDueDate, type HolidayDueRule, type WorkCalendar } from '../calendar/work-calendar.ts';
import { addDays, daysBetween, type LocalDate, type Weekday } from '../local-time.ts';

export type CadenceKey = CardTier | ServiceLevel | 'strategic';
export const cadenceKeys = ['diamond', 'gold', 'silver', 'AAA', 'AA', 'A', 'standard', 'strategic'] as const satisfies readonly CadenceKey[];

export type FollowUpPolicy = {
  firstCallbackDays: number;
  /** How long a customer is listed as "new" while their first callback is missing. */
  newCustomerWindowDays: number;
  cadenceDays: Record<CadenceKey, number>;
  /** Where a day begins for a customer whose account manager has no time zone of their own (BOT_TIMEZONE). */
  timeZone: string;
  /** The regular working week (VISIT_WORKING_DAYS); the work calendar overrides it per date. */
  workingDays: readonly Weekday[];
  /** A due date on a holiday or weekend moves to the next working day, the one before, or stays (VISIT_DUE_ON_HOLIDAY). */
  dueOnHoliday: HolidayDueRule;
};

// Diamond and AAA customers most often, silver and standard least (config: VISIT_CADENCE_DAYS).
export const defaultCadenceDays: Record<CadenceKey, number> = {
  diamond: 14,
  gold: 30,
  silver: 60,
  AAA: 14,
  AA: 30,
  A: 45,
  standard: 60,
  strategic: 30,
};

export const defaultFollowUpPolicy: FollowUpPolicy = {
  firstCallbackDays: 7,
  newCustomerWindowDays: 30,
  cadenceDays: defaultCadenceDays,
  timeZone: 'Asia/Shanghai',
  workingDays: [1, 2, 3, 4, 5],
  dueOnHoliday: 'next',
};

export type CustomerTier = { kind: CustomerKind; cardTier: CardTier | null; serviceLevel: ServiceLevel | null };

/** VIPs by card, groups by restore-time service level; an unset tier counts as the lowest. */
export function cadenceKeyOf(customer: CustomerTier): CadenceKey {
  if (customer.kind === 'vip') return customer.cardTier ?? 'silver';
  if (customer.kind === 'group') return customer.serviceLevel ?? 'standard';
  return 'strategic';
}

export type FollowUpFacts = CustomerTier & {
  joinedOn: LocalDate | null;
  /** When the customer entered the directory: no clock starts before it. */
  knownSinceOn: LocalDate;
  lastContactOn: LocalDate | null;
  promisedOn: LocalDate | null;
};

export type DueReason = 'first_callback' | 'promise' | 'cadence';
export type NextContact = { dueOn: LocalDate; reason: DueReason };

type FirstCallbackFacts = Pick<FollowUpFacts, 'joinedOn' | 'knownSinceOn' | 'lastContactOn'>;

/** A customer who was new when the bot learned of them and has not been contacted since joining. */
export function needsFirstCallback(facts: FirstCallbackFacts, policy: FollowUpPolicy): boolean {
  if (facts.joinedOn === null) return false;
  const newWhenEntered = daysBetween(facts.joinedOn, facts.knownSinceOn) <= policy.newCustomerWindowDays;
  return newWhenEntered && (facts.lastContactOn === null || facts.lastContactOn < facts.joinedOn);
}

export function firstCallbackDue(joinedOn: LocalDate, policy: FollowUpPolicy): LocalDate {
  return addDays(joinedOn, policy.firstCallbackDays);
}

/**
 * The next contact. With the work calendar, a date that falls on a day off is moved as
 * `dueOnHoliday` says: nobody is "overdue" for the National Day week.
 */
export function nextContactDue(facts: FollowUpFacts, policy: FollowUpPolicy, calendar?: WorkCalendar): NextContact {
  const candidates: NextContact[] = [];
  if (needsFirstCallback(facts, policy)) candidates.push({ dueOn: firstCallbackDue(facts.joinedOn!, policy), reason: 'first_callback' });
  if (facts.promisedOn) candidates.push({ dueOn: facts.promisedOn, reason: 'promise' });
  const since = facts.lastContactOn ?? (facts.joinedOn && facts.joinedOn > facts.knownSinceOn ? facts.joinedOn : facts.knownSinceOn);
  candidates.push({ dueOn: addDays(since, policy.cadenceDays[cadenceKeyOf(facts)]), reason: 'cadence' });
  // Earliest wins; on a tie the more specific reason (listed first) is the one shown.
  const earliest = candidates.reduce((best, next) => (next.dueOn < best.dueOn ? next : best));
  return calendar ? { ...earliest, dueOn: moveDueDate(calendar, earliest.dueOn, policy.dueOnHoliday) } : earliest;
}

export type ContactStatus = 'overdue' | 'due_today' | 'upcoming';

export function contactStatus(dueOn: LocalDate, today: LocalDate): ContactStatus {
  if (dueOn < today) return 'overdue';
  return dueOn === today ? 'due_today' : 'upcoming';
}

/** A customer who joined recently and has not had their first callback yet. */
export function isNewWithoutFirstCallback(facts: FirstCallbackFacts, today: LocalDate, policy: FollowUpPolicy): boolean {
  if (!needsFirstCallback(facts, policy)) return false;
  const age = daysBetween(facts.joinedOn!, today);
  return age >= 0 && age <= policy.newCustomerWindowDays;
}

/** Days from `today` to the next birthday (0 = today); 29 February counts as 28 February in other years. */
export function daysUntilBirthday(birthday: LocalDate, today: LocalDate): number {
  const year = Number(today.slice(0, 4));
  const inYear = (y: number) => {
    const monthDay = birthday.slice(5);
    const isLeap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    return `${y}-${monthDay === '02-29' && !isLeap ? '02-28' : monthDay}`;
  };
  const thisYear = inYear(year);
  return thisYear >= today ? daysBetween(today, thisYear) : daysBetween(today, inYear(year + 1));
}

// What an account manager's daily digest says: follow-ups due today, overdue ones,
// new customers still waiting for their first callback, and birthdays in the coming
// week. Each customer appears once, in the most pressing section.
import type { Deps } from '../deps.ts';
import type { LocalDate } from '../local-time.ts';
import { customerDues, type CustomerDue } from './customer-dues.ts';
import type { FollowUpPolicy } from './follow-up-policy.ts';

export const birthdayHorizonDays = 7;

export type ManagerDigest = {
  today: LocalDate;
  newCustomers: CustomerDue[];
  overdue: CustomerDue[];
  dueToday: CustomerDue[];
  birthdays: CustomerDue[];
  lineCount: number;
};

export async function buildManagerDigest(deps: Pick<Deps, 'db'>, input: { managerId: string; today: LocalDate; policy: FollowUpPolicy }): Promise<ManagerDigest> {
  const dues = await customerDues(deps.db, { accountManagerId: input.managerId }, input.today, input.policy);
  const newCustomers = dues.filter((d) => d.firstCallback).sort((a, b) => a.firstCallback!.dueOn.localeCompare(b.firstCallback!.dueOn));
  const rest = dues.filter((d) => !d.firstCallback);
  // Most overdue first: those are the promises and cadences broken longest ago.
  const overdue = rest.filter((d) => d.status === 'overdue').sort((a, b) => b.daysOverdue - a.daysOverdue || a.code.localeCompare(b.code));
  const dueToday = rest.filter((d) => d.status === 'due_today');
  const birthdays = dues
    .filter((d) => d.birthdayInDays !== null && d.birthdayInDays < birthdayHorizonDays)
    .sort((a, b) => a.birthdayInDays! - b.birthdayInDays!);
  return {
    today: input.today,
    newCustomers,
    overdue,
    dueToday,
    birthdays,
    lineCount: newCustomers.length + overdue.length + dueToday.length + birthdays.length,
  };
}

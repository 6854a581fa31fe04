// Every customer's next contact, as of a given local day: what the daily digest and
// the weekly summary are made of. Recomputed with the current directory data (a tier
// or joining date may have changed since the last visit) by the same policy.
import type { Db, Prisma } from '../../db/client.ts';
import { daysBetween, fromDbDate, type LocalDate } from '../local-time.ts';
import {
  contactStatus,
  daysUntilBirthday,
  firstCallbackDue,
  isNewWithoutFirstCallback,
  nextContactDue,
  type ContactStatus,
  type FollowUpPolicy,
  type NextContact,
} from './follow-up-policy.ts';
import { customerTimeZone, followUpCalendar, followUpFactsOf, withManagerZone } from './follow-up-state.ts';

export type CustomerDue = {
  code: string;
  name: string;
  phone: string | null;
  accountManagerId: string | null;
  next: NextContact;
  status: ContactStatus;
  /** Days past the due date (0 when due today, negative when still ahead). */
  daysOverdue: number;
  /** Set for a recently joined customer still waiting for the first callback. */
  firstCallback: { joinedOn: LocalDate; dueOn: LocalDate } | null;
  /** Days until the next birthday, when one is known. */
  birthdayInDays: number | null;
};

export async function customerDues(db: Db, where: Prisma.CustomerWhereInput, today: LocalDate, policy: FollowUpPolicy): Promise<CustomerDue[]> {
  const customers = await db.customer.findMany({ where, include: { followUp: true, ...withManagerZone }, orderBy: { code: 'asc' } });
  const calendar = await followUpCalendar(db, policy, today);
  return customers.map((customer) => {
    const facts = followUpFactsOf(customer, customer.followUp, customerTimeZone(customer, policy.timeZone));
    const next = nextContactDue(facts, policy, calendar);
    const birthday = fromDbDate(customer.birthday);
    return {
      code: customer.code,
      name: customer.name,
      phone: customer.phone,
      accountManagerId: customer.accountManagerId,
      next,
      status: contactStatus(next.dueOn, today),
      daysOverdue: daysBetween(next.dueOn, today),
      firstCallback: isNewWithoutFirstCallback(facts, today, policy)
        ? { joinedOn: facts.joinedOn!, dueOn: firstCallbackDue(facts.joinedOn!, policy) }
        : null,
      birthdayInDays: birthday ? daysUntilBirthday(birthday, today) : null,
    };
  });
}

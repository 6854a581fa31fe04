// The follow-up policy at its boundaries: day N is on time, day N + 1 is overdue.
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/domain/local-time.ts';
import {
  cadenceKeyOf,
  contactStatus,
  daysUntilBirthday,
  defaultFollowUpPolicy,
  isNewWithoutFirstCallback,
  nextContactDue,
  type FollowUpFacts,
  type FollowUpPolicy,
} from '../../../src/domain/visits/follow-up-policy.ts';
import { customerTimeZone, followUpFactsOf } from '../../../src/domain/visits/follow-up-state.ts';
import type { Customer } from '../../../src/generated/prisma/client.ts';

const policy = defaultFollowUpPolicy;
const joined = '2026-11-16';

function facts(overrides: Partial<FollowUpFacts> = {}): FollowUpFacts {
  return { kind: 'vip', cardTier: 'gold', serviceLevel: null, joinedOn: null, knownSinceOn: '2020-01-01', lastContactOn: null, promisedOn: null, ...overrides };
}

const statusOn = (f: FollowUpFacts, today: string, p: FollowUpPolicy = policy) => contactStatus(nextContactDue(f, p).dueOn, today);

describe('the first callback of a new customer', () => {
  const newCustomer = facts({ joinedOn: joined });

  it('is due 7 days after joining, for the reason "first callback"', () => {
    expect(nextContactDue(newCustomer, policy)).toEqual({ dueOn: '2026-11-23', reason: 'first_callback' });
  });

  it('is on time on day 7 and overdue on day 8', () => {
    expect(statusOn(newCustomer, addDays(joined, 6))).toBe('upcoming');
    expect(statusOn(newCustomer, addDays(joined, 7))).toBe('due_today');
    expect(statusOn(newCustomer, addDays(joined, 8))).toBe('overdue');
  });

  it('is done by any contact on or after the joining day; then the tier cadence counts from that contact', () => {
    const called = facts({ joinedOn: joined, lastContactOn: addDays(joined, 3) });
    expect(nextContactDue(called, policy)).toEqual({ dueOn: addDays(joined, 3 + 30), reason: 'cadence' });
    expect(statusOn(called, addDays(joined, 8))).toBe('upcoming');
    const sameDay = facts({ joinedOn: joined, lastContactOn: joined });
    expect(nextContactDue(sameDay, policy).reason).toBe('cadence');
  });

  it('is not done by a contact from before the customer joined (e.g. as a prospect)', () => {
    const before = facts({ joinedOn: joined, lastContactOn: addDays(joined, -2) });
    expect(nextContactDue(before, policy)).toEqual({ dueOn: '2026-11-23', reason: 'first_callback' });
  });

  it('applies to a customer entered into the directory a few days after joining (already late), not to long-standing ones', () => {
    const lateImport = facts({ joinedOn: '2026-11-10', knownSinceOn: '2026-11-20' });
    expect(nextContactDue(lateImport, policy)).toEqual({ dueOn: '2026-11-17', reason: 'first_callback' });
    expect(statusOn(lateImport, '2026-11-20')).toBe('overdue');
    // Joined 30 days before entering: still new; 31 days: an existing customer.
    expect(nextContactDue(facts({ joinedOn: '2026-10-02', knownSinceOn: '2026-11-01' }), policy).reason).toBe('first_callback');
    expect(nextContactDue(facts({ joinedOn: '2026-10-01', knownSinceOn: '2026-11-01' }), policy)).toEqual({ dueOn: '2026-12-01', reason: 'cadence' });
  });

  it('follows VISIT_FIRST_CALLBACK_DAYS', () => {
    const threeDays = { ...policy, firstCallbackDays: 3 };
    expect(statusOn(newCustomer, addDays(joined, 3), threeDays)).toBe('due_today');
    expect(statusOn(newCustomer, addDays(joined, 4), threeDays)).toBe('overdue');
  });

  it('lists the customer as new until the window closes, and not after a callback', () => {
    expect(isNewWithoutFirstCallback(facts({ joinedOn: joined }), addDays(joined, 8), policy)).toBe(true);
    expect(isNewWithoutFirstCallback(facts({ joinedOn: joined }), addDays(joined, 30), policy)).toBe(true);
    expect(isNewWithoutFirstCallback(facts({ joinedOn: joined }), addDays(joined, 31), policy)).toBe(false);
    expect(isNewWithoutFirstCallback(facts({ joinedOn: joined, lastContactOn: joined }), addDays(joined, 8), policy)).toBe(false);
    expect(isNewWithoutFirstCallback(facts({ joinedOn: '2026-12-01' }), '2026-11-23', policy)).toBe(false);
  });
});

describe('the cadence of each tier', () => {
  const tiers: [string, Partial<FollowUpFacts>, number][] = [
    ['diamond card', { kind: 'vip', cardTier: 'diamond' }, 14],
    ['gold card', { kind: 'vip', cardTier: 'gold' }, 30],
    ['silver card', { kind: 'vip', cardTier: 'silver' }, 60],
    ['VIP without a card tier (as silver)', { kind: 'vip', cardTier: null }, 60],
    ['group AAA', { kind: 'group', serviceLevel: 'AAA' }, 14],
    ['group AA', { kind: 'group', serviceLevel: 'AA' }, 30],
    ['group A', { kind: 'group', serviceLevel: 'A' }, 45],
    ['group standard', { kind: 'group', serviceLevel: 'standard' }, 60],
    ['group without a level (as standard)', { kind: 'group', serviceLevel: null }, 60],
    ['strategic', { kind: 'strategic' }, 30],
  ];
  const last = '2026-10-01';

  it.each(tiers)('%s: due %i days after the last contact, overdue the day after', (_name, tier, days) => {
    const f = facts({ cardTier: null, ...tier, lastContactOn: last });
    expect(nextContactDue(f, policy)).toEqual({ dueOn: addDays(last, days), reason: 'cadence' });
    expect(statusOn(f, addDays(last, days - 1))).toBe('upcoming');
    expect(statusOn(f, addDays(last, days))).toBe('due_today');
    expect(statusOn(f, addDays(last, days + 1))).toBe('overdue');
  });

  it('visits diamond and AAA customers most often and silver and standard least', () => {
    const c = policy.cadenceDays;
    expect(Math.max(c.diamond, c.AAA)).toBeLessThan(Math.min(c.gold, c.AA, c.A, c.strategic));
    expect(Math.min(c.silver, c.standard)).toBeGreaterThan(Math.max(c.gold, c.AA, c.A, c.strategic));
  });

  it('counts a 7-day cadence at day 7 and day 8 when configured so', () => {
    const weekly = { ...policy, cadenceDays: { ...policy.cadenceDays, diamond: 7 } };
    const f = facts({ cardTier: 'diamond', lastContactOn: last });
    expect(statusOn(f, addDays(last, 7), weekly)).toBe('due_today');
    expect(statusOn(f, addDays(last, 8), weekly)).toBe('overdue');
  });

  it('without any contact, starts from the later of joining and entering the directory', () => {
    // A long-standing customer loaded on 1 November is due a cadence later, not "years overdue".
    expect(nextContactDue(facts({ joinedOn: '2019-03-01', knownSinceOn: '2026-11-01' }), policy)).toEqual({ dueOn: '2026-12-01', reason: 'cadence' });
    expect(nextContactDue(facts({ knownSinceOn: '2026-11-01' }), policy)).toEqual({ dueOn: '2026-12-01', reason: 'cadence' });
    // Entered before joining (e.g. a signed contract that starts later): from the joining date.
    const strategic = facts({ kind: 'strategic', joinedOn: '2026-12-01', knownSinceOn: '2026-11-01', lastContactOn: '2026-12-01' });
    expect(nextContactDue(strategic, policy).dueOn).toBe('2026-12-31');
    // A contact logged for a day before the directory entry still counts.
    expect(nextContactDue(facts({ joinedOn: '2019-03-01', lastContactOn: '2019-03-02' }), policy).dueOn).toBe('2019-04-01');
  });

  it('maps customers to their cadence key', () => {
    expect(cadenceKeyOf({ kind: 'vip', cardTier: 'diamond', serviceLevel: null })).toBe('diamond');
    expect(cadenceKeyOf({ kind: 'group', cardTier: null, serviceLevel: 'AA' })).toBe('AA');
    expect(cadenceKeyOf({ kind: 'strategic', cardTier: null, serviceLevel: null })).toBe('strategic');
  });
});

describe('a promised follow-up date', () => {
  const last = '2026-11-01';

  it('is the due date when it comes before the cadence', () => {
    const f = facts({ lastContactOn: last, promisedOn: '2026-11-10' });
    expect(nextContactDue(f, policy)).toEqual({ dueOn: '2026-11-10', reason: 'promise' });
    expect(statusOn(f, '2026-11-10')).toBe('due_today');
    expect(statusOn(f, '2026-11-11')).toBe('overdue');
  });

  it('does not excuse the cadence when it lies beyond it', () => {
    const f = facts({ cardTier: 'diamond', lastContactOn: last, promisedOn: '2026-12-31' });
    expect(nextContactDue(f, policy)).toEqual({ dueOn: '2026-11-15', reason: 'cadence' });
  });

  it('wins a tie with the cadence, since it is the more specific reason', () => {
    const f = facts({ lastContactOn: last, promisedOn: addDays(last, 30) });
    expect(nextContactDue(f, policy).reason).toBe('promise');
  });
});

describe('birthdays', () => {
  it('counts days to the next birthday, across the new year and for 29 February', () => {
    expect(daysUntilBirthday('1988-11-28', '2026-11-23')).toBe(5);
    expect(daysUntilBirthday('1988-11-23', '2026-11-23')).toBe(0);
    expect(daysUntilBirthday('1988-11-22', '2026-11-23')).toBe(364);
    expect(daysUntilBirthday('1990-01-02', '2026-12-30')).toBe(3);
    expect(daysUntilBirthday('1992-02-29', '2027-02-27')).toBe(1);
    expect(daysUntilBirthday('1992-02-29', '2028-02-27')).toBe(2);
  });
});

describe('the day a customer entered the directory', () => {
  // Entered at 01:30 on 10 November in Beijing, which is still the 9th in UTC.
  const customer = { kind: 'group', cardTier: null, serviceLevel: 'AAA', joinedOn: null, createdAt: new Date('2026-11-09T17:30:00Z') } as Customer;

  it('is the local date in the account manager’s time zone, not the UTC date', () => {
    expect(followUpFactsOf(customer, null, 'Asia/Shanghai').knownSinceOn).toBe('2026-11-10');
    expect(followUpFactsOf(customer, null, 'Europe/Berlin').knownSinceOn).toBe('2026-11-09');
    // So the first cadence (AAA: 14 days) is not a day early.
    expect(nextContactDue(followUpFactsOf(customer, null, 'Asia/Shanghai'), policy).dueOn).toBe('2026-11-24');
  });

  it('is counted in the manager’s own zone when they have one, else in the bot’s', () => {
    expect(customerTimeZone({ accountManager: { timezone: 'Europe/Berlin' } }, 'Asia/Shanghai')).toBe('Europe/Berlin');
    expect(customerTimeZone({ accountManager: { timezone: null } }, 'Asia/Shanghai')).toBe('Asia/Shanghai');
    expect(customerTimeZone({ accountManager: null }, 'Asia/Shanghai')).toBe('Asia/Shanghai');
  });
});

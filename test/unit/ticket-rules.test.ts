// Who may take which step: the claimer, a supervisor of the ticket's region, an admin.
import { describe, expect, it } from 'vitest';
import { managerHearsOf, mayHoldTicket, mayTakeStep, type Actor } from '../../src/domain/tickets/ticket-rules.ts';

const ticket = { regionCode: 'BJ', claimerId: 'U0ENG1' };
const engineer = (id: string, regionCode = 'BJ'): Actor => ({ slackUserId: id, role: 'field_engineer', regionCode });
const supervisor = (regionCode: string): Actor => ({ slackUserId: 'U0SUP', role: 'supervisor', regionCode });
const admin: Actor = { slackUserId: 'U0ADMIN', role: 'admin', regionCode: null };
const manager: Actor = { slackUserId: 'U0AM', role: 'account_manager', regionCode: 'BJ' };

describe('mayTakeStep', () => {
  it('lets engineers and supervisors of the region claim, not account managers or other regions', () => {
    const open = { regionCode: 'BJ', claimerId: null };
    expect(mayTakeStep('claim', engineer('U0ENG2'), open)).toBe(true);
    expect(mayTakeStep('claim', supervisor('BJ'), open)).toBe(true);
    expect(mayTakeStep('claim', engineer('U0ENG3', 'SH'), open)).toBe(false);
    expect(mayTakeStep('claim', manager, open)).toBe(false);
  });

  it.each(['release', 'on_site', 'restore', 'close', 'major', 'pause', 'resume'] as const)('%s: the claimer, a supervisor of the region, an admin', (step) => {
    expect(mayTakeStep(step, engineer('U0ENG1'), ticket)).toBe(true);
    expect(mayTakeStep(step, supervisor('BJ'), ticket)).toBe(true);
    expect(mayTakeStep(step, admin, ticket)).toBe(true);
    expect(mayTakeStep(step, engineer('U0ENG2'), ticket)).toBe(false);
    expect(mayTakeStep(step, supervisor('SH'), ticket)).toBe(false);
    expect(mayTakeStep(step, manager, ticket)).toBe(false);
  });

  it.each(['reassign', 'cancel'] as const)('%s: supervisors of the region and admins only', (step) => {
    expect(mayTakeStep(step, engineer('U0ENG1'), ticket)).toBe(false);
    expect(mayTakeStep(step, supervisor('BJ'), ticket)).toBe(true);
    expect(mayTakeStep(step, admin, ticket)).toBe(true);
  });

  it('lets only the claimer answer "still on it?"', () => {
    expect(mayTakeStep('confirm_claim', engineer('U0ENG1'), ticket)).toBe(true);
    expect(mayTakeStep('confirm_claim', supervisor('BJ'), ticket)).toBe(false);
  });

  it('reassigns only to engineers or supervisors of the region', () => {
    expect(mayHoldTicket(engineer('U0ENG2'), ticket)).toBe(true);
    expect(mayHoldTicket(engineer('U0ENG3', 'SH'), ticket)).toBe(false);
    expect(mayHoldTicket(manager, ticket)).toBe(false);
  });
});

describe('managerHearsOf', () => {
  const plain = { serviceLevel: 'A', cardTier: null };
  it('tells the manager of opening, claim, breach and restoration', () => {
    for (const event of ['opened', 'claimed', 'breached', 'restored'] as const) expect(managerHearsOf(event, plain)).toBe(true);
    for (const event of ['on_site', 'released', 'closed'] as const) expect(managerHearsOf(event, plain)).toBe(false);
  });
  it('tells the manager of every step for AAA and diamond customers', () => {
    expect(managerHearsOf('on_site', { serviceLevel: 'AAA', cardTier: null })).toBe(true);
    expect(managerHearsOf('closed', { serviceLevel: 'AAA', cardTier: 'diamond' })).toBe(true);
    expect(managerHearsOf('claim_confirmed', { serviceLevel: 'AAA', cardTier: null })).toBe(false);
  });
});

// Who gets a care callback after a fault, and how a satisfaction score reads. Pure.
// Seed (关爱脚本): after a fault, the manager calls back with identity, what happened,
// what was done, and asks about satisfaction.
import type { CardTier, ServiceLevel } from '../../generated/prisma/enums.ts';
import type { CareTier } from './care-settings.ts';

export type CareSatisfaction = 'satisfied' | 'neutral' | 'dissatisfied';

/** A diamond card (VIP) or an AAA/AA ticket (group), as CARE_CALLBACK_TIERS lists them. */
export function owesCareCallback(ticket: { serviceLevel: ServiceLevel; customer: { cardTier: CardTier | null } }, tiers: readonly CareTier[]): boolean {
  return (ticket.customer.cardTier !== null && tiers.includes(ticket.customer.cardTier)) || tiers.includes(ticket.serviceLevel);
}

/** The visit form's 1–5 score in the callback's three words: 4–5 satisfied, 3 neutral, 1–2 dissatisfied. */
export function satisfactionOf(score: number): CareSatisfaction {
  if (score >= 4) return 'satisfied';
  return score === 3 ? 'neutral' : 'dissatisfied';
}

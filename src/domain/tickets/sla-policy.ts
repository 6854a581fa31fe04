// The restore-time SLA (业务恢复时限) in one place: the matrix of hours by service level
// and scope, how a customer without a group service level gets one, and how the
// deadline follows from the window. Everything else asks this file.
import type { CardTier, CustomerKind, ServiceLevel, TicketScope } from '../../generated/prisma/enums.ts';

/** Hours to restore service, by scope and level (seed: 客户承诺1). */
export const restoreHours: Record<TicketScope, Record<ServiceLevel, number>> = {
  within_province: { AAA: 2, AA: 4, A: 6, standard: 8 },
  across_provinces: { AAA: 4, AA: 5, A: 6, standard: 8 },
};

/**
 * VIP (personal) customers have a card tier, not a group service level; they are
 * served at the level their tier maps to. Change the mapping here and nowhere else.
 */
export const serviceLevelOfCardTier: Record<CardTier, ServiceLevel> = {
  diamond: 'AAA',
  gold: 'AA',
  silver: 'A',
};

export type SlaCustomer = { kind: CustomerKind; serviceLevel: ServiceLevel | null; cardTier: CardTier | null };

/** The level a ticket is promised at: the customer's own, else their card tier's, else standard. */
export function serviceLevelFor(customer: SlaCustomer): ServiceLevel {
  if (customer.serviceLevel) return customer.serviceLevel;
  if (customer.cardTier) return serviceLevelOfCardTier[customer.cardTier];
  return 'standard';
}

export function restoreWindowMinutes(level: ServiceLevel, scope: TicketScope): number {
  return restoreHours[scope][level] * 60;
}

export type SlaClock = { openedAt: Date; windowMinutes: number; pausedMillis: number };

/**
 * The deadline: opening + the window + whatever time the clock stood paused. A later
 * "pause the SLA clock" approval only adds to pausedMillis (and stores the new deadline).
 */
export function restoreDeadline(clock: SlaClock): Date {
  return new Date(clock.openedAt.getTime() + clock.windowMinutes * 60_000 + clock.pausedMillis);
}

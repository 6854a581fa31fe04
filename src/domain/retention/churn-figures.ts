// The formulas of the service-and-retention analysis (服务维系月分析), exactly as the
// domain reference gives them. Pure, so the monthly report reuses them unchanged.
import type { RetentionReason, RetentionTrigger } from '../../generated/prisma/enums.ts';
import { retentionReasons } from './retention-choices.ts';

/** A customer is "lost" by a booked cancellation or a cancellation for arrears. */
export const lostCauses = ['booked_cancellation', 'arrears'] as const satisfies readonly RetentionTrigger[];

/** Average customers in a month = (customers last month + customers this month) / 2. */
export function averageCustomers(customersLastMonth: number, customersThisMonth: number): number {
  return (customersLastMonth + customersThisMonth) / 2;
}

/**
 * Churn rate = customers lost this month / customers at the end of last month × 100%.
 * Null when there was nobody to lose.
 */
export function churnRate(lostThisMonth: number, customersEndOfLastMonth: number): number | null {
  return customersEndOfLastMonth === 0 ? null : (lostThisMonth / customersEndOfLastMonth) * 100;
}

/**
 * Retention rate of the month's cases = retained / (retained + churned) × 100%: only
 * cases with a final outcome count; "considering" ones are not decided yet.
 */
export function retentionRate(retained: number, churned: number): number | null {
  const decided = retained + churned;
  return decided === 0 ? null : (retained / decided) * 100;
}

/** Reasons by how many cases gave them, most frequent first (ties in catalogue order). */
export function rankReasons(caseReasons: readonly (readonly RetentionReason[])[]): { reason: RetentionReason; count: number }[] {
  const counts = new Map<RetentionReason, number>();
  for (const reasons of caseReasons) for (const reason of new Set(reasons)) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return retentionReasons
    .filter((reason) => counts.has(reason))
    .map((reason) => ({ reason, count: counts.get(reason)! }))
    .sort((a, b) => b.count - a.count);
}

/** 18.1818… → 18.2 (one decimal, as the monthly analysis prints it). */
export function roundPercent(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10) / 10;
}

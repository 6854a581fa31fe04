// The churn and retention formulas of the domain reference, by hand.
import { describe, expect, it } from 'vitest';
import { averageCustomers, churnRate, rankReasons, retentionRate, roundPercent } from '../../src/domain/retention/churn-figures.ts';

describe('churn figures', () => {
  it('average customers = (last month + this month) / 2', () => {
    expect(averageCustomers(11, 9)).toBe(10);
    expect(averageCustomers(10, 9)).toBe(9.5);
  });

  it('churn rate = lost this month / customers at the end of last month × 100%', () => {
    expect(churnRate(2, 11)).toBeCloseTo(18.1818, 3);
    expect(roundPercent(churnRate(2, 11))).toBe(18.2);
    expect(churnRate(0, 5)).toBe(0);
    expect(churnRate(1, 0)).toBeNull();
  });

  it('retention rate counts only final outcomes', () => {
    expect(retentionRate(4, 3)).toBeCloseTo(57.142857, 5);
    expect(retentionRate(0, 0)).toBeNull();
    expect(retentionRate(2, 0)).toBe(100);
  });

  it('ranks reasons by cases, most frequent first, ties in catalogue order, one count per case', () => {
    const ranked = rankReasons([['tariff', 'competitor'], ['competitor'], ['network', 'tariff'], ['competitor', 'competitor'], ['relocation']]);
    expect(ranked).toEqual([
      { reason: 'competitor', count: 3 },
      { reason: 'tariff', count: 2 },
      { reason: 'network', count: 1 },
      { reason: 'relocation', count: 1 },
    ]);
  });
});

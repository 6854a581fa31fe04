// The /retain stats figures on a directory with known numbers, against a hand
// calculation. Cases are recorded through recordRetentionCase at chosen instants, so
// the customer-status history is the one the product writes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordRetentionCase, type RetentionCaseInput } from '../../src/domain/retention/record-retention-case.ts';
import { retentionStats } from '../../src/domain/retention/retention-stats.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { settings } from '../support/retention-fixtures.ts';
import { testClock } from '../support/test-clock.ts';

let database: TestDatabase;
const clock = testClock('2026-10-01T00:00:00Z');
const tz = 'Asia/Shanghai';

// Hangzhou: manager U0HZAM (senior, ¥1,000) owns H01–H13, manager U0HZAM2 owns H20–H22.
const joined: Record<string, string> = {
  H01: '2025-03-01', H02: '2025-03-01', H03: '2025-03-01', H04: '2025-03-01', H05: '2025-03-01',
  H06: '2025-03-01', H07: '2025-03-01', H08: '2025-03-01', H09: '2025-03-01', H10: '2025-03-01',
  H11: '2026-10-10', H12: '2026-10-10', // joined in October
  H13: '2026-11-15', // joined in November
  H20: '2024-01-01', H21: '2024-01-01', H22: '2024-01-01',
};

async function record(at: string, customerCode: string, input: Partial<RetentionCaseInput>, actorId = 'U0HZAM') {
  clock.set(at);
  await recordRetentionCase({ db: database.db, clock }, settings, {
    customerCode,
    trigger: 'churn_warning',
    reasons: ['tariff'],
    offerCode: 'none',
    outcome: 'retained',
    followUpOn: null,
    notes: null,
    actorId,
    ...input,
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await db.region.create({ data: { code: 'HZ', name: '杭州', supervisorChannelId: 'C0HZSUP' } });
  await db.staff.createMany({
    data: [
      { slackUserId: 'U0HZAM', name: 'HZ manager', role: 'account_manager', grade: 'senior', regionCode: 'HZ', timezone: tz },
      { slackUserId: 'U0HZAM2', name: 'HZ manager 2', role: 'account_manager', grade: 'senior', regionCode: 'HZ', timezone: tz },
      { slackUserId: 'U0HZSUP', name: 'HZ supervisor', role: 'supervisor', regionCode: 'HZ', timezone: tz },
    ],
  });
  await db.customer.createMany({
    data: Object.entries(joined).map(([code, date]) => ({
      code,
      name: `Customer ${code}`,
      kind: 'group' as const,
      regionCode: 'HZ',
      accountManagerId: code.startsWith('H2') ? 'U0HZAM2' : 'U0HZAM',
      joinedOn: new Date(`${date}T00:00:00Z`),
    })),
  });

  // October: one booked cancellation.
  await record('2026-10-20T03:00:00Z', 'H01', { outcome: 'churned', trigger: 'booked_cancellation', reasons: ['tariff'] });
  // November, U0HZAM: lost = H02 (booked), H03 (arrears), H12 (booked, 23:30 on 30 Nov in Beijing);
  // H04 churned after a churn warning: churned, but not "lost" by the reference formula.
  await record('2026-11-05T03:00:00Z', 'H02', { outcome: 'churned', trigger: 'booked_cancellation', reasons: ['tariff'] });
  await record('2026-11-12T03:00:00Z', 'H03', { outcome: 'churned', trigger: 'arrears', reasons: ['tariff', 'competitor'] });
  await record('2026-11-20T03:00:00Z', 'H04', { outcome: 'churned', trigger: 'churn_warning', reasons: ['competitor'] });
  await record('2026-11-30T15:30:00Z', 'H12', { outcome: 'churned', trigger: 'booked_cancellation', reasons: ['relocation'] });
  await record('2026-11-06T03:00:00Z', 'H05', { outcome: 'retained', trigger: 'stop_request', reasons: ['tariff', 'competitor'], offerCode: 'bill_credit_50' });
  await record('2026-11-07T03:00:00Z', 'H06', { outcome: 'retained', trigger: 'contract_expiry', reasons: ['network'], offerCode: 'broadband_upgrade_12m' });
  await record('2026-11-08T03:00:00Z', 'H07', { outcome: 'retained', trigger: 'arrears', reasons: ['tariff'] });
  await record('2026-11-09T03:00:00Z', 'H08', { outcome: 'retained', reasons: ['service', 'tariff', 'tariff'] });
  await record('2026-11-10T03:00:00Z', 'H09', { outcome: 'considering', reasons: ['competitor'], followUpOn: '2026-11-17' });
  await record('2026-11-11T03:00:00Z', 'H10', { outcome: 'considering', reasons: ['tariff'], followUpOn: '2026-11-18' });
  // Above a senior's ¥1,000: waits for approval, no outcome yet.
  await record('2026-11-13T03:00:00Z', 'H11', { outcome: 'retained', reasons: ['relocation'], offerCode: 'private_line_discount_12m' });
  // 00:30 on 1 December in Beijing: December's, not November's.
  await record('2026-11-30T16:30:00Z', 'H13', { outcome: 'churned', trigger: 'booked_cancellation', reasons: ['other'] });
  // U0HZAM2: one cancellation for arrears and one retained, seen only at region level.
  await record('2026-11-08T05:00:00Z', 'H20', { outcome: 'churned', trigger: 'arrears', reasons: ['competitor'] }, 'U0HZAM2');
  await record('2026-11-09T05:00:00Z', 'H21', { outcome: 'retained', reasons: ['tariff'] }, 'U0HZAM2');
  clock.set('2026-12-05T02:00:00Z');
});
afterAll(() => database.drop());

const stats = (actorId: string, month: string) => retentionStats({ db: database.db, clock }, { actorId, month, timezone: tz });

describe('retention and churn figures', () => {
  it('match the hand calculation for a manager’s customers in November', async () => {
    const november = await stats('U0HZAM', '2026-11');
    // End of October: H01–H12 had joined (12), H01 was gone → 11.
    // End of November: H01–H13 joined (13), gone H01 H02 H03 H04 H12 → 8. H13 left on 1 December.
    // Average (11 + 8) / 2 = 9.5. Lost: H02 + H03 + H12 = 3. Churn rate 3 / 11 = 27.27…%.
    expect(november).toMatchObject({
      scope: { kind: 'manager', managerId: 'U0HZAM' },
      monthComplete: true,
      customersEndOfLastMonth: 11,
      customersThisMonth: 8,
      averageCustomers: 9.5,
      lost: 3,
    });
    expect(november.churnRate).toBeCloseTo((3 / 11) * 100, 10);
    // November's cases: churned H02 H03 H04 H12 (4), retained H05–H08 (4), considering H09 H10 (2),
    // H11 awaiting approval (1) → 11. Retention rate 4 / (4 + 4) = 50%.
    expect(november).toMatchObject({ cases: 11, retained: 4, churned: 4, considering: 2, pendingApproval: 1, withoutOutcome: 0 });
    expect(november.retentionRate).toBe(50);
    // Reasons, once per case: tariff H02 H03 H05 H07 H08 H10 (6), competitor H03 H04 H05 H09 (4),
    // relocation H12 H11 (2), network H06 (1), service H08 (1).
    expect(november.reasons).toEqual([
      { reason: 'tariff', count: 6 },
      { reason: 'competitor', count: 4 },
      { reason: 'relocation', count: 2 },
      { reason: 'network', count: 1 },
      { reason: 'service', count: 1 },
    ]);
  });

  it('match the hand calculation for the supervisor’s region', async () => {
    const region = await stats('U0HZSUP', '2026-11');
    // Add H20–H22: end of October 11 + 3 = 14; end of November 8 + 2 = 10; average 12.
    // Lost 3 + H20 (arrears) = 4; churn rate 4 / 14 = 28.57…%. Cases 11 + 2; retained 5, churned 5.
    expect(region).toMatchObject({
      scope: { kind: 'region', regionCode: 'HZ' },
      customersEndOfLastMonth: 14,
      customersThisMonth: 10,
      averageCustomers: 12,
      lost: 4,
      cases: 13,
      retained: 5,
      churned: 5,
    });
    expect(region.churnRate).toBeCloseTo((4 / 14) * 100, 10);
    expect(region.retentionRate).toBe(50);
  });

  it('match the hand calculation for October and for the month so far', async () => {
    const october = await stats('U0HZAM', '2026-10');
    // End of September: H01–H10 = 10; end of October: 12 joined − H01 = 11; lost 1 → 10%.
    expect(october).toMatchObject({ customersEndOfLastMonth: 10, customersThisMonth: 11, averageCustomers: 10.5, lost: 1, churnRate: 10, cases: 1, churned: 1 });
    const december = await stats('U0HZAM', '2026-12');
    // So far (5 December): end of November 8; H13 gone on 1 December → 7; lost 1 → 12.5%.
    expect(december).toMatchObject({ monthComplete: false, customersEndOfLastMonth: 8, customersThisMonth: 7, lost: 1, churnRate: 12.5, cases: 1 });
  });

  it('keeps the customer status and its history current', async () => {
    const h03 = await database.db.customer.findUniqueOrThrow({ where: { code: 'H03' } });
    expect(h03).toMatchObject({ status: 'churned', churnReason: 'tariff, competitor' });
    expect(h03.churnedAt?.toISOString()).toBe('2026-11-12T03:00:00.000Z');
    expect((await database.db.customer.findUniqueOrThrow({ where: { code: 'H05' } })).status).toBe('active');
    const history = await database.db.customerStatusChange.findMany({ where: { customerCode: 'H03' } });
    expect(history).toMatchObject([{ status: 'churned', cause: 'arrears', reasons: ['tariff', 'competitor'] }]);
  });

  it('refuses a month that is not YYYY-MM', async () => {
    await expect(stats('U0HZAM', '2026-13')).rejects.toMatchObject({ code: 'retention_bad_month' });
    await expect(stats('U0HZAM', 'november')).rejects.toMatchObject({ code: 'retention_bad_month' });
  });
});

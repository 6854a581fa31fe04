// The monthly report's figures for Beijing, October 2026, on seeded activity (visits,
// fault tickets, cross-region requests, retention cases), against a hand calculation. Months are calendar months in Asia/Shanghai: visits in the first
// and last minutes of October count, one in the first minutes of November does not.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMonthlyReport, type MonthlyReport } from '../../src/domain/reports/monthly-report.ts';
import { averageCustomers, churnRate, retentionRate } from '../../src/domain/retention/churn-figures.ts';
import { monthlyReportCsv, monthlyReportCsvRows } from '../../src/slack/reports/monthly-report-files.ts';
import { monthlyReportMessage } from '../../src/slack/reports/monthly-report-message.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { seedOctoberActivity } from '../support/report-fixtures.ts';
import { seedDirectory } from '../support/retention-fixtures.ts';
import { testClock } from '../support/test-clock.ts';

let database: TestDatabase;
let report: MonthlyReport;
const clock = testClock('2026-11-23T02:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDirectory(database.db, clock);
  await seedOctoberActivity(database.db);
  report = await buildMonthlyReport({ db: database.db, clock }, { regionCode: 'BJ', month: '2026-10', timeZone: 'Asia/Shanghai' });
});
afterAll(() => database.drop());

describe('monthly report figures, Beijing 2026-10', () => {
  it('counts visits per manager, by kind, with everyone of the region listed', () => {
    // 王晓梅: C0001 on-site 10-01 00:30, C0001 phone 10-15, C0004 phone 10-20 → 3 visits, 2 customers.
    // 李强: C0003 on-site 10-31 23:30 (the 11-01 00:10 call is November) → 1 visit, 1 customer.
    // 赵敏 (supervisor): C0002 club event 10-10 → 1 visit. The 09-30 callback and Shanghai's visit are not counted.
    expect(report.visits.total).toBe(5);
    expect(report.visits.byManager).toEqual([
      { staffId: 'U0DEMOAM1', name: '王晓梅', visits: 3, customersVisited: 2, byKind: { on_site: 1, phone: 2, callback_survey: 0, club_event: 0 } },
      { staffId: 'U0DEMOAM2', name: '李强', visits: 1, customersVisited: 1, byKind: { on_site: 1, phone: 0, callback_survey: 0, club_event: 0 } },
      { staffId: 'U0DEMOSUP1', name: '赵敏', visits: 1, customersVisited: 1, byKind: { on_site: 0, phone: 0, callback_survey: 0, club_event: 1 } },
    ]);
  });

  it('counts visits per customer tier over the month’s customer base', () => {
    // C0004 diamond; C0001 AAA (2 visits); C0002 AA (churned 10-20, still served in October); C0003 A.
    // C0005 (gold) joined 2026-11-18: not part of October, and not visited → no gold row.
    expect(report.visits.byTier).toEqual([
      { tier: 'diamond', customers: 1, customersVisited: 1, visits: 1 },
      { tier: 'AAA', customers: 1, customersVisited: 1, visits: 2 },
      { tier: 'AA', customers: 1, customersVisited: 1, visits: 1 },
      { tier: 'A', customers: 1, customersVisited: 1, visits: 1 },
    ]);
  });

  it('measures SLA compliance by service level and scope, with the worst breaches', () => {
    // October, Beijing, not cancelled: T1 AAA/province restored in 90 of 120 min (in time); T2 AAA/province
    // in 180 of 120 (60 over); T3 AAA/across in 239 of 240 (in time); T4 AA/province never restored, 4 h
    // window from 10-20 08:00 (breach, still open); T5 A/province opened 10-31 23:00, restored in 240 of 360.
    // T6 opened in November, T7 cancelled, T8 Shanghai's: not counted.
    expect(report.sla.groups).toEqual([
      { serviceLevel: 'AAA', scope: 'within_province', decided: 2, inTime: 1, share: 50 },
      { serviceLevel: 'AAA', scope: 'across_provinces', decided: 1, inTime: 1, share: 100 },
      { serviceLevel: 'AA', scope: 'within_province', decided: 1, inTime: 0, share: 0 },
      { serviceLevel: 'A', scope: 'within_province', decided: 1, inTime: 1, share: 100 },
    ]);
    expect(report.sla).toMatchObject({ opened: 5, decided: 5, inTime: 3, share: 60, stillRunning: 0 });
    // T4: deadline 2026-10-20 12:00 Beijing = 04:00Z; now 2026-11-23 02:00Z → 33 days 22 h = 48 840 min over.
    expect(report.sla.worstBreaches).toEqual([
      { number: 'T-FIX-0004', customerName: '首都国际物流集团', serviceLevel: 'AA', scope: 'within_province', overrunMinutes: 48_840, restored: false },
      { number: 'T-FIX-0002', customerName: '北京星辰科技有限公司', serviceLevel: 'AAA', scope: 'within_province', overrunMinutes: 60, restored: true },
    ]);
  });

  it('measures cross-region replies against each request’s deadline', () => {
    // Opened in October for Beijing members: replied after 2 h (deadline 4 h: in time), turned back
    // after 10 h (deadline 8 h: late), still open past its 24 h deadline (late). September's does not count.
    expect(report.xregion).toEqual({
      received: 3,
      replied: 1,
      rejected: 1,
      unanswered: 1,
      answeredInTime: 1,
      late: 2,
      averageReplyHours: (2 + 10) / 2,
      longestReplyHours: 10,
      served: 1, // opened in Beijing for a Shanghai member
    });
  });

  it('computes retention and churn by the domain formulas', () => {
    // October cases: C0003 retained, C0002 churned (booked cancellation), C0004 considering.
    // Base: C0001–C0004 on the books on 10-01 (C0005 joined in November) = 4; on 10-31 C0002 is gone = 3.
    expect(report.retention).toMatchObject({
      cases: 3,
      retained: 1,
      churned: 1,
      considering: 1,
      customersEndOfLastMonth: 4,
      customersThisMonth: 3,
      lost: 1,
      monthComplete: true,
    });
    expect(report.retention.retentionRate).toBe(50); // 1 ÷ (1 + 1) × 100%
    expect(report.retention.averageCustomers).toBe(3.5); // (4 + 3) ÷ 2
    expect(report.retention.churnRate).toBe(25); // 1 ÷ 4 × 100%
    // …which is what the shared formulas give.
    expect([retentionRate(1, 1), averageCustomers(4, 3), churnRate(1, 4)]).toEqual([50, 3.5, 25]);
  });

  it('says the same figures in the message', () => {
    const text = JSON.stringify(monthlyReportMessage('zh-CN', report).blocks);
    expect(text).toContain('服务维系月分析报告 · 北京 · 2026-10');
    expect(text).toContain('王晓梅：走访 3 次，覆盖客户 2 户');
    expect(text).toContain('平均回复 6.0 小时');
    expect(text).toContain('25.0%');
    expect(text).toContain('5 张中 3 张按时恢复（60.0%）');
    expect(text).toContain('AAA · 省内（地市内/跨地市）：2 张中 1 张按时（50.0%）');
    expect(text).toContain('T-FIX-0004 · 首都国际物流集团 · AA，省内（地市内/跨地市）：超时 48840 分钟，至今未恢复');
  });

  it('writes a CSV that parses back to the same figures', () => {
    const parsed: string[][] = parse(monthlyReportCsv('zh-CN', report), { bom: true });
    expect(parsed[0]).toEqual(['分类', '项目', '指标', '数值']);
    expect(parsed).toContainEqual(['客户经理走访', '王晓梅', '走访次数', '3']);
    expect(parsed).toContainEqual(['各级别客户走访', 'AAA级集团', '走访次数', '2']);
    expect(parsed).toContainEqual(['异地跨区服务', '北京', '平均回复时长（小时）', '6']);
    expect(parsed).toContainEqual(['客户挽留与流失', '北京', '离网率（%）', '25']);
    expect(parsed).toContainEqual(['客户挽留与流失', '北京', '月平均客户数', '3.5']);
    expect(parsed).toContainEqual(['故障恢复时限达成', 'AAA 省内（地市内/跨地市）', '按时恢复率（%）', '50']);
    expect(parsed).toContainEqual(['故障恢复时限达成', '北京', '按时恢复率（%）', '60']);
    expect(parsed).toContainEqual(['超时最严重的工单', 'T-FIX-0002 北京星辰科技有限公司', '超时分钟数', '60']);
    // Every row, not just these: the file is the rows, cell for cell.
    const rows = monthlyReportCsvRows('zh-CN', report).map((r) => [r.section, r.item, r.measure, r.value === null ? '' : String(r.value)]);
    expect(parsed.slice(1)).toEqual(rows);
  });

  it('refuses an unknown region', async () => {
    await expect(buildMonthlyReport({ db: database.db, clock }, { regionCode: 'XX', month: '2026-10', timeZone: 'Asia/Shanghai' })).rejects.toMatchObject({ code: 'report_unknown_region' });
  });
});

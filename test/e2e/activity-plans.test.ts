// Club activity plans (俱乐部活动方案签报) end to end: /plan → the form → one approval
// request in the region's supervisors' channel, answered within PLAN_ANSWER_WORKING_DAYS
// counted on the work calendar (across National Day, onto the make-up Saturday) →
// reminded at the start of the N-th working day → approved → after the event the manager
// is asked for the report, records it once, and the monthly report lists the plan.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildMonthlyReport } from '../../src/domain/reports/monthly-report.ts';
import { planIds } from '../../src/slack/ids.ts';
import { monthlyReportMessage } from '../../src/slack/reports/monthly-report-message.ts';
import { monthlyReportCsvRows } from '../../src/slack/reports/monthly-report-files.ts';
import type { FakeMessage } from '../../src/sandbox/slack-stand-in/server.ts';
import { retentionDriver, supervisorChannel } from '../support/retention-driver.ts';
import { startTestBot, type TestBot } from '../support/test-bot.ts';
import { datepicker, plainText, staticSelect } from '../../src/sandbox/slack-stand-in/view-state.ts';

let t: TestBot;
let r: ReturnType<typeof retentionDriver>;
beforeAll(async () => {
  // Wednesday 30 September 2026, 10:00 in Beijing: National Day (1–7 October) is next.
  t = await startTestBot({ now: '2026-09-30T02:00:00Z', env: { PLAN_ANSWER_WORKING_DAYS: '3', PLAN_REPORT_WORKING_DAYS: '5' } });
  r = retentionDriver(t);
  t.slack.setUser('U0DEMOAM1', { locale: 'zh-CN', tz: 'Asia/Shanghai', name: '王晓梅' });
  t.slack.setUser('U0DEMOSUP1', { locale: 'en-US', tz: 'Asia/Shanghai', name: 'Sup One' });
});
afterAll(() => t.stop());
beforeEach(() => t.slack.reset());

async function openPlanForm(userId: string) {
  const { call } = await r.after(() => t.driver.command({ command: '/plan', text: '', userId, responseUrl: t.slack.responseUrl({ userId }) }), (c) => c.method === 'views.open');
  expect(call.ok).toBe(true);
  return call.response.view;
}

const planValues = (overrides: Record<string, Record<string, unknown>> = {}) => ({
  theme: { [planIds.theme]: plainText('钻石卡会员重阳登高活动') },
  purpose: { [planIds.purpose]: plainText('答谢钻石卡会员，维系高价值客户') },
  eventOn: { [planIds.eventOn]: datepicker('2026-10-16') },
  targetMembers: { [planIds.targetMembers]: plainText('北京地区钻石卡会员') },
  places: { [planIds.places]: plainText('40') },
  budgetYuan: { [planIds.budget]: plainText('12000') },
  ...overrides,
});

const threadReplies = (message: FakeMessage) => t.slack.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === message.ts);

describe('an activity plan', () => {
  it('refuses a form with problems next to the fields, storing nothing', async () => {
    const view = await openPlanForm('U0DEMOAM1');
    const response = await t.driver.viewSubmission({ userId: 'U0DEMOAM1', view, values: planValues({ places: { [planIds.places]: plainText('forty') }, eventOn: { [planIds.eventOn]: datepicker('2026-09-01') } }) });
    expect(response.json.response_action).toBe('errors');
    expect(Object.keys(response.json.errors).sort()).toEqual(['eventOn', 'places']);
    expect(await t.bot.db.activityPlan.count()).toBe(0);
    expect(await t.bot.db.approvalRequest.count()).toBe(0);
  });

  it('is approved, reminded on the N-th working day, and its report recorded', async () => {
    const view = await openPlanForm('U0DEMOAM1');
    const { result: submitted, call: posted } = await r.after(
      () => t.driver.viewSubmission({ userId: 'U0DEMOAM1', view, values: planValues() }),
      (c) => c.method === 'chat.postMessage' && c.args.channel === supervisorChannel,
    );
    expect(submitted.json.response_action).toBe('update');
    const plan = await t.bot.db.activityPlan.findFirstOrThrow();
    expect(plan).toMatchObject({ status: 'pending', managerId: 'U0DEMOAM1', regionCode: 'BJ', places: 40, budgetYuan: 12000, reportDueOn: new Date('2026-10-23T00:00:00Z') });
    const request = await t.bot.db.approvalRequest.findUniqueOrThrow({ where: { id: plan.approvalRequestId! } });
    // 3 working days after Wednesday 30 September: 8, 9 and Saturday 10 October (a make-up day).
    expect(request).toMatchObject({ kind: 'activity.plan', remindAt: new Date('2026-10-10T01:00:00Z'), expiresAt: new Date('2026-10-10T10:00:00Z') });
    expect(String(posted.args.text) + JSON.stringify(posted.args.blocks)).toContain('钻石卡会员重阳登高活动');
    const message = await (async () => {
      await t.bot.ctx.outbox.idle();
      return t.slack.messageIn(supervisorChannel, (m) => m.ts === posted.response.ts)!;
    })();

    // Nothing on the holiday days; the reminder at 09:00 on the 3rd working day, once.
    await r.sweep('2026-10-09T10:00:00Z');
    await r.sweep('2026-10-10T00:59:59Z');
    expect(threadReplies(message)).toHaveLength(0);
    await r.sweep('2026-10-10T01:00:00Z');
    expect(threadReplies(message)).toHaveLength(1);
    expect(threadReplies(message)[0]!.args.text).toContain('<@U0DEMOSUP1>');
    await r.sweep('2026-10-10T02:00:00Z');
    expect(threadReplies(message)).toHaveLength(1);

    await r.approve('U0DEMOSUP1', message);
    await t.bot.ctx.outbox.idle();
    expect((await t.bot.db.activityPlan.findUniqueOrThrow({ where: { id: plan.id } })).status).toBe('approved');
    const notice = r.dmsTo('U0DEMOAM1').at(-1);
    expect(notice?.args.text).toContain('2026-10-23');

    // At the end of the event day the manager is asked for the report.
    t.slack.reset();
    await r.sweep('2026-10-16T09:59:59Z');
    expect(r.dmsTo('U0DEMOAM1')).toHaveLength(0);
    await r.sweep('2026-10-16T10:00:00Z');
    const asked = t.slack.messageIn('U0DEMOAM1', (m) => JSON.stringify(m.blocks ?? []).includes(planIds.openReport));
    expect(asked?.text).toContain('2026-10-23');

    await t.driver.blockAction({ userId: 'U0DEMOAM1', actionId: planIds.openReport, message: asked!, triggerId: 'trigger-plan-report' });
    const form = (await t.slack.waitFor((c) => c.method === 'views.open' && c.args.trigger_id === 'trigger-plan-report')).response.view;
    t.clock.set('2026-10-19T03:00:00Z');
    const reported = await t.driver.viewSubmission({
      userId: 'U0DEMOAM1',
      view: form,
      values: { attendance: { [planIds.attendance]: plainText('36') }, satisfaction: { [planIds.satisfaction]: staticSelect('5') }, note: { [planIds.note]: plainText('会员反响热烈') } },
    });
    expect(reported.json.response_action, JSON.stringify(reported.json)).toBe('update');
    expect(JSON.stringify(reported.json)).toContain('36');
    expect(await t.bot.db.activityPlan.findUniqueOrThrow({ where: { id: plan.id } })).toMatchObject({ status: 'reported', attendance: 36, satisfaction: 5, reportNote: '会员反响热烈' });
    expect(await t.bot.db.auditEntry.count({ where: { subject: `activity_plan:${plan.id}`, action: 'plan.reported' } })).toBe(1);

    // Recorded in time: no overdue reminder, and a second report is refused.
    t.slack.reset();
    await r.sweep('2026-10-23T10:00:00Z');
    expect(r.dmsTo('U0DEMOAM1')).toHaveLength(0);
    const again = await t.driver.viewSubmission({ userId: 'U0DEMOAM1', view: form, values: { attendance: { [planIds.attendance]: plainText('1') }, satisfaction: { [planIds.satisfaction]: staticSelect('1') } } });
    expect(JSON.stringify(again.json)).toContain('已登记');

    // The monthly report lists the plan and its outcome.
    const report = await buildMonthlyReport(t.bot.ctx, { regionCode: 'BJ', month: '2026-10', timeZone: 'Asia/Shanghai' });
    expect(report.plans).toEqual([expect.objectContaining({ theme: '钻石卡会员重阳登高活动', status: 'reported', attendance: 36, places: 40, satisfaction: 5 })]);
    expect(JSON.stringify(monthlyReportMessage('en', report).blocks)).toContain('*钻石卡会员重阳登高活动* — attendance 36/40, satisfaction 5/5');
    expect(monthlyReportCsvRows('en', report)).toContainEqual(expect.objectContaining({ section: 'Club activity plans', measure: 'attendance', value: 36 }));
    t.slack.assertNoRejections();
  });

  it('is refused to someone who is not an account manager', async () => {
    const view = await openPlanForm('U0DEMOSUP1');
    const response = await t.driver.viewSubmission({ userId: 'U0DEMOSUP1', view, values: planValues({ eventOn: { [planIds.eventOn]: datepicker('2026-12-20') } }) });
    expect(JSON.stringify(response.json)).toContain('account managers');
  });
});

// /retain and supervisor approvals end to end: signed requests into the real receiver,
// a real database, the fake Slack recording every post, update and modal.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { approvalIds, retentionIds as ids } from '../../src/slack/ids.ts';
import { validateView } from '../../src/sandbox/slack-stand-in/block-kit.ts';
import { hasButtons, retentionDriver, shown } from '../support/retention-driver.ts';
import { startTestBot, type TestBot } from '../support/test-bot.ts';

let t: TestBot;
let r: ReturnType<typeof retentionDriver>;

// Directory: U0DEMOAM1 senior (¥1,000), U0DEMOAM2 junior (¥200), both Beijing; supervisors
// U0DEMOSUP1 and (added here) U0SUPBJ2 in Beijing, U0DEMOSUP2 in Shanghai; admin U0ADMIN.
beforeAll(async () => {
  t = await startTestBot();
  r = retentionDriver(t);
  await t.bot.db.staff.create({ data: { slackUserId: 'U0SUPBJ2', name: '周敏', role: 'supervisor', regionCode: 'BJ', timezone: 'Asia/Shanghai' } });
  await t.bot.db.customer.createMany({
    data: Array.from({ length: 12 }, (_, i) => ({
      code: `C01${String(i).padStart(2, '0')}`,
      name: `北京测试客户${i}`,
      kind: 'vip' as const,
      cardTier: 'gold' as const,
      regionCode: 'BJ',
      accountManagerId: 'U0DEMOAM2',
    })),
  });
  t.slack.setUser('U0DEMOAM1', { locale: 'en-US', tz: 'Asia/Shanghai', name: 'Wang Xiaomei' });
});
afterAll(() => t.stop());
beforeEach(() => t.slack.reset());
afterEach(() => {
  t.slack.assertNoRejections();
  expect(t.slack.warnings).toEqual([]);
});

const caseOf = (customerCode: string) => t.bot.db.retentionCase.findFirstOrThrow({ where: { customerCode }, orderBy: { id: 'desc' } });
const requestOf = (id: bigint) => t.bot.db.approvalRequest.findUniqueOrThrow({ where: { id }, include: { decisions: true } });

describe('recording a case', () => {
  it('records a case within the manager’s authority at once', async () => {
    const ack = await r.submitCase('U0DEMOAM1', { customer: 'C0001', offer: 'broadband_upgrade_12m', outcome: 'retained', reasons: ['network', 'competitor'] });
    expect(ack.response_action).toBe('update');
    expect(validateView(ack.view)).toEqual([]);
    expect(JSON.stringify(ack.view.blocks)).toContain('is recorded: *Retained*');

    const recorded = await caseOf('C0001');
    expect(recorded).toMatchObject({ status: 'closed', outcome: 'retained', offerCode: 'broadband_upgrade_12m', offerValue: 800, reasons: ['network', 'competitor'], approvalRequestId: null });
    expect(await t.bot.db.approvalRequest.count({ where: { subjectId: String(recorded.id) } })).toBe(0);
    expect(t.slack.callsTo('chat.postMessage')).toHaveLength(0);
    expect(await t.bot.db.auditEntry.count({ where: { subject: `retention_case:${recorded.id}`, action: 'retention.case_recorded', actorId: 'U0DEMOAM1' } })).toBe(1);
  });

  it('marks a churned customer as churned, with the reason and a history row', async () => {
    await r.submitCase('U0DEMOAM1', { customer: 'C0002', trigger: 'arrears', reasons: ['tariff'], offer: 'none', outcome: 'churned' });
    const customer = await t.bot.db.customer.findUniqueOrThrow({ where: { code: 'C0002' } });
    expect(customer).toMatchObject({ status: 'churned', churnReason: 'tariff' });
    expect(customer.churnedAt?.toISOString()).toBe('2026-11-23T02:00:00.000Z');
    expect(await t.bot.db.customerStatusChange.findMany({ where: { customerCode: 'C0002' } })).toMatchObject([{ status: 'churned', cause: 'arrears' }]);
  });

  it('shows bad input next to its field and stores nothing', async () => {
    const before = { cases: await t.bot.db.retentionCase.count(), requests: await t.bot.db.approvalRequest.count() };
    const errorsFor = async (userId: string, form: Parameters<typeof r.submitCase>[1]) => {
      const ack = await r.submitCase(userId, form);
      expect(ack.response_action).toBe('errors');
      return ack.errors as Record<string, string>;
    };
    expect(Object.keys(await errorsFor('U0DEMOAM2', { customer: 'C0100', offer: 'none', outcome: 'considering' }))).toEqual([ids.followUp]);
    expect(Object.keys(await errorsFor('U0DEMOAM2', { customer: 'C0100', offer: 'none', outcome: 'considering', followUp: '2026-11-22' }))).toEqual([ids.followUp]);
    expect(Object.keys(await errorsFor('U0DEMOAM2', { customer: 'C0100', offer: null, outcome: null, reasons: [] })).sort()).toEqual([ids.offer, ids.outcome, ids.reasons].sort());
    const notMine = await errorsFor('U0DEMOAM1', { customer: 'C0003', offer: 'none', outcome: 'retained' });
    expect(notMine[ids.customer]).toContain('is not one of yours');
    expect({ cases: await t.bot.db.retentionCase.count(), requests: await t.bot.db.approvalRequest.count() }).toEqual(before);
  });

  it('offers only the user’s own customers in the search', async () => {
    const view = await r.openForm('U0DEMOAM1');
    const options = async (value: string) =>
      (await t.driver.blockSuggestion({ userId: 'U0DEMOAM1', actionId: ids.customer, value, view })).json.options.map((o: { value: string }) => o.value);
    expect(await options('')).toEqual(['C0001', 'C0002', 'C0004']);
    expect(await options('星辰')).toEqual(['C0001']);
    expect(await options('c000')).toEqual(['C0001', 'C0002', 'C0004']);
    expect(await options('zhou')).toEqual(['C0004']);
    expect(await options('sdgj')).toEqual(['C0002']); // 首都国际物流集团 by its initials
  });
});

describe('an offer above the manager’s authority', () => {
  it('waits for approval, then is recorded when approved; the message is updated in place and the manager told', async () => {
    const { request, message, ack } = await r.submitForApproval('U0DEMOAM2', { customer: 'C0101', offer: 'bill_discount_10pct_6m', outcome: 'retained', notes: '客户对比了竞争对手的报价' });
    expect(ack.response_action).toBe('update');
    expect(JSON.stringify(ack.view.blocks)).toContain('超出您的权限');
    const waiting = await caseOf('C0101');
    expect(waiting).toMatchObject({ status: 'pending_approval', outcome: null, offerCode: null, proposedOfferCode: 'bill_discount_10pct_6m', approvalRequestId: request.id });
    expect(request).toMatchObject({ kind: 'retention.offer', status: 'pending', requiredApprovals: 1, value: 400, requesterId: 'U0DEMOAM2' });
    expect(hasButtons(message)).toBe(true);
    expect(shown(message)).toContain('北京测试客户1');
    expect(shown(message)).toContain('¥400');
    expect(shown(message)).toContain('客户对比了竞争对手的报价');

    await r.approve('U0DEMOSUP1', message);
    const dm = await t.slack.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === 'DU0DEMOAM2');
    expect(dm.args.text).toContain('<@U0DEMOSUP1>');
    expect(dm.args.text).toContain('已登记');

    const updated = r.current(message);
    expect(updated.edits).toBe(1);
    expect(hasButtons(updated)).toBe(false);
    expect(shown(updated)).toContain('*已批准*');
    expect(shown(updated)).toContain('✅ <@U0DEMOSUP1> 已同意');
    expect(await caseOf('C0101')).toMatchObject({ status: 'closed', outcome: 'retained', offerCode: 'bill_discount_10pct_6m', offerValue: 400, proposedOfferCode: null });
    t.slack.assertNoRejections();
  });

  it('is not recorded when rejected, with the reason asked in a modal and passed on to the manager', async () => {
    const { request, message } = await r.submitForApproval('U0DEMOAM2', { customer: 'C0102', offer: 'device_subsidy', outcome: 'considering', followUp: '2026-11-30' });
    const modal = await r.openReject('U0DEMOSUP1', message);
    const empty = await r.rejectWith('U0DEMOSUP1', modal, '');
    expect(empty.json).toMatchObject({ response_action: 'errors', errors: { [approvalIds.rejectReason]: '请填写驳回理由。' } });
    expect((await requestOf(request.id)).status).toBe('pending');

    const { result: submitted } = await r.after(() => r.rejectWith('U0DEMOSUP1', modal, '补贴超出本季度预算'), (c) => c.method === 'chat.postMessage' && c.args.channel === 'DU0DEMOAM2');
    expect(submitted.status).toBe(200);
    expect(submitted.json?.response_action).toBeUndefined();
    const dm = r.dmsTo('U0DEMOAM2').at(-1)!;
    expect(dm.args.text).toContain('补贴超出本季度预算');
    expect(dm.args.text).toContain('未予登记');

    const updated = r.current(message);
    expect(hasButtons(updated)).toBe(false);
    expect(shown(updated)).toContain('*已驳回*');
    expect(shown(updated)).toContain('❌ <@U0DEMOSUP1> 已驳回');
    expect(await caseOf('C0102')).toMatchObject({ status: 'open', outcome: null, offerCode: null, proposedOfferCode: null });
    const followUp = await t.bot.db.timer.findFirst({ where: { kind: 'retention.follow_up', subjectId: request.subjectId, dueAt: { not: null } } });
    expect(followUp).toBeNull();
  });

  it('refuses a non-supervisor’s click privately, records the attempt and changes nothing', async () => {
    const { request, message } = await r.submitForApproval('U0DEMOAM2', { customer: 'C0103', offer: 'bill_discount_10pct_6m', outcome: 'retained' });
    const opened = t.slack.callsTo('views.open').length;
    const refusals: string[] = [];
    for (const [userId, actionId] of [['U0DEMOAM1', approvalIds.approve], ['U0DEMOSUP2', approvalIds.approve], ['U0DEMOENG1', approvalIds.reject]] as const) {
      const { call } = await r.after(() => r.click(userId, actionId, message), (c) => c.method === 'response_url');
      expect(call.args.response_type).toBe('ephemeral');
      refusals.push(call.args.text);
    }
    expect(refusals[0]).toContain('Only a supervisor of this region or an admin');
    expect(refusals[1]).toContain('只有本区域主管或管理员');
    expect(t.slack.callsTo('views.open')).toHaveLength(opened); // no Reject modal for the engineer
    expect(t.slack.callsTo('chat.update')).toHaveLength(0);
    expect(await requestOf(request.id)).toMatchObject({ status: 'pending', approvalCount: 0, decisions: [] });
    expect((await caseOf('C0103')).status).toBe('pending_approval');
    const audited = await t.bot.db.auditEntry.findMany({ where: { subject: `approval:${request.id}`, action: 'approval.refused' } });
    expect(audited.map((a) => a.actorId).sort()).toEqual(['U0DEMOAM1', 'U0DEMOENG1', 'U0DEMOSUP2']);
  });

  it('cannot be decided by the supervisor who asked for it', async () => {
    // Above a supervisor's own (star, ¥2,000) authority, so another supervisor decides.
    const { request, message } = await r.submitForApproval('U0DEMOSUP1', { customer: 'C0004', offer: 'bill_discount_20pct_12m', outcome: 'retained' });
    const opened = t.slack.callsTo('views.open').length;
    const { call: approveRefused } = await r.after(() => r.click('U0DEMOSUP1', approvalIds.approve, message), (c) => c.method === 'response_url');
    expect(approveRefused.args.text).toContain('不能审批自己提交的申请');
    const { call: rejectRefused } = await r.after(() => r.click('U0DEMOSUP1', approvalIds.reject, message), (c) => c.method === 'response_url');
    expect(rejectRefused.args.text).toContain('不能审批自己提交的申请');
    expect(t.slack.callsTo('views.open')).toHaveLength(opened);
    expect(await requestOf(request.id)).toMatchObject({ status: 'pending', decisions: [] });

    await r.approve('U0SUPBJ2', message);
    expect(await requestOf(request.id)).toMatchObject({ status: 'approved', decisions: [{ deciderId: 'U0SUPBJ2' }] });
    expect(await caseOf('C0004')).toMatchObject({ status: 'closed', offerCode: 'bill_discount_20pct_12m' });
  });

  it('needs two approvers above the policy value, and the message shows each decision as it comes', async () => {
    const { request, message } = await r.submitForApproval('U0DEMOAM1', { customer: 'C0001', offer: 'private_line_discount_12m', outcome: 'retained' });
    expect(request).toMatchObject({ requiredApprovals: 2, value: 6000 });
    expect(shown(message)).toContain('*两位*审批人');

    await r.click('U0DEMOSUP1', approvalIds.approve, message);
    await t.slack.waitFor((c) => c.method === 'chat.update' && c.args.ts === message.ts);
    const thanked = await t.slack.waitFor((c) => c.method === 'response_url' && String(c.args.text).includes('还需一位审批人'));
    expect(thanked.args.response_type).toBe('ephemeral');
    const halfway = r.current(message);
    expect(hasButtons(halfway)).toBe(true);
    expect(shown(halfway)).toContain('✅ <@U0DEMOSUP1> 已同意');
    expect(shown(halfway)).toContain('目前已有 1 位');
    expect(await caseOf('C0001')).toMatchObject({ status: 'pending_approval', offerCode: null });

    const again = await r.approve('U0DEMOSUP1', message);
    expect(again.args.text).toContain('您已同意过该申请');
    expect(await requestOf(request.id)).toMatchObject({ status: 'pending', approvalCount: 1 });

    await r.approve('U0ADMIN', message);
    const dm = await t.slack.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === 'DU0DEMOAM1');
    expect(dm.args.text).toContain('approved by <@U0DEMOSUP1>, <@U0ADMIN>'); // U0DEMOAM1 reads English
    const done = r.current(message);
    expect(hasButtons(done)).toBe(false);
    expect(shown(done)).toContain('✅ <@U0DEMOSUP1> 已同意');
    expect(shown(done)).toContain('✅ <@U0ADMIN> 已同意');
    expect(await caseOf('C0001')).toMatchObject({ status: 'closed', offerCode: 'private_line_discount_12m', offerValue: 6000 });
  });
});

describe('two supervisors deciding at the same instant', () => {
  it('leaves exactly one decision, shown once, told once', async () => {
    const winners: string[] = [];
    for (const customer of ['C0104', 'C0105', 'C0106', 'C0107']) {
      const { request, message } = await r.submitForApproval('U0DEMOAM2', { customer, offer: 'bill_discount_10pct_6m', outcome: 'retained' });
      const modal = await r.openReject('U0DEMOSUP1', message);
      const known = new Set(t.slack.calls);
      const approveUrl = t.slack.responseUrl({ channel: message.channel, userId: 'U0SUPBJ2' });
      const [rejected] = await Promise.all([
        r.rejectWith('U0DEMOSUP1', modal, '预算不足'),
        t.driver.blockAction({ userId: 'U0SUPBJ2', actionId: approvalIds.approve, message: r.current(message), responseUrl: approveUrl }),
      ]);
      await t.slack.waitFor((c) => !known.has(c) && c.method === 'chat.postMessage' && c.args.channel === 'DU0DEMOAM2');

      const decided = await requestOf(request.id);
      expect(decided.decisions).toHaveLength(1);
      expect(['approved', 'rejected']).toContain(decided.status);
      winners.push(decided.status);
      const retentionCase = await caseOf(customer);
      if (decided.status === 'approved') {
        expect(retentionCase).toMatchObject({ status: 'closed', offerCode: 'bill_discount_10pct_6m' });
        // The rejecting supervisor is told in the modal that it was decided already.
        expect(rejected.json.response_action).toBe('update');
        expect(JSON.stringify(rejected.json.view.blocks)).toContain('该申请已处理（已批准）');
      } else {
        expect(retentionCase).toMatchObject({ status: 'open', offerCode: null });
        const told = await t.slack.waitFor((c) => c.method === 'response_url' && c.responseUrl === approveUrl);
        expect(told.args.text).toContain('该申请已处理（已驳回）');
      }
      const updates = t.slack.callsTo('chat.update').filter((c) => !known.has(c) && c.args.ts === message.ts);
      expect(updates).toHaveLength(1);
      const final = shown(r.current(message));
      expect((final.match(/✅|❌/g) ?? []).length).toBe(1);
      expect(r.dmsTo('U0DEMOAM2').filter((c) => !known.has(c))).toHaveLength(1);
    }
    // Not asserted: which one wins is up to the race; either way exactly one stands.
    expect(winners).toHaveLength(4);
  });
});

describe('/retain stats', () => {
  async function stats(userId: string, text: string) {
    const responseUrl = t.slack.responseUrl({ userId });
    await t.driver.command({ command: '/retain', text, userId, responseUrl });
    return (await t.slack.waitFor((c) => c.method === 'response_url' && c.responseUrl === responseUrl)).args;
  }

  it('answers privately with the month’s figures for the manager’s own customers', async () => {
    const answer = await stats('U0DEMOAM1', 'stats 2026-11');
    expect(answer.response_type).toBe('ephemeral');
    const text = JSON.stringify(answer.blocks);
    expect(text).toContain('Retention — 2026-11');
    expect(text).toContain('Your customers · month so far');
    // U0DEMOAM1 had C0001, C0002, C0004 at the end of October; C0002 left for arrears: 1 / 3.
    expect(text).toContain('*Lost this month* (booked cancellations + cancellations for arrears): 1 — *churn rate* 33.3%');
    expect(text).toContain('3 at the end of last month, 2 at the end of this month — average 2.5');
  });

  it('shows a supervisor the region, and explains a bad month', async () => {
    expect(JSON.stringify((await stats('U0DEMOSUP1', 'stats')).blocks)).toContain('北京区域');
    expect((await stats('U0DEMOSUP1', 'stats 2026-13')).text).toContain('`2026-13` 不是有效月份');
  });

  it('tells a field engineer privately that the figures are for account managers and supervisors', async () => {
    const answer = await stats('U0DEMOENG1', 'stats');
    expect(answer.response_type).toBe('ephemeral');
    expect(answer.text).toContain('挽留统计供客户经理（名下客户）和主管（本区域）查看');
    expect(JSON.stringify(answer)).not.toContain('您名下的客户');
  });
});

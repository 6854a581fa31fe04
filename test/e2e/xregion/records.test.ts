// Records kept for audit (以备查): a correction is a new version with who and when;
// `/xregion find` by number, member, region and period, a page at a time; and
// `/xregion export FROM TO` uploads a CSV that round-trips — parsed back it holds
// every field of every form submitted in the period, Chinese included, and nothing else.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCrossRegionRequest } from '../../../src/domain/xregion/open-request.ts';
import { replyToCrossRegionRequest } from '../../../src/domain/xregion/reply-to-request.ts';
import { startTestBot, type TestBot } from '../../support/test-bot.ts';
import { clickButton, eventually, openAcceptanceForm, privateAnswer, requestMessageIn, submitAcceptance, text, waitForRequestMessage } from './steps.ts';
import { plainText, staticSelect } from '../../../src/sandbox/slack-stand-in/view-state.ts';

let t: TestBot;
const policy = () => t.bot.ctx.config.xregion;

async function openAt(iso: string, openerId: string, form: Parameters<typeof openCrossRegionRequest>[1]['form']) {
  t.clock.set(iso);
  return openCrossRegionRequest(t.bot.ctx, { openerId, form, policy: policy(), timeZone: 'Asia/Shanghai' });
}

async function replyAt(iso: string, requestId: string, actorId: string, form: Parameters<typeof replyToCrossRegionRequest>[1]['form']) {
  t.clock.set(iso);
  return replyToCrossRegionRequest(t.bot.ctx, { requestId, actorId, form });
}

async function command(userId: string, text: string) {
  const responseUrl = t.slack.responseUrl();
  const response = await t.driver.command({ command: '/xregion', text, userId, responseUrl });
  expect(response.status).toBe(200);
  return (await t.slack.waitFor((c) => c.method === 'response_url' && c.responseUrl === responseUrl, 5000)).args;
}

const numbers: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestBot({ now: '2026-10-31T15:00:00Z' });
  for (const [id, name] of [['U0DEMOAM3', 'Chen Jing'], ['U0DEMOAM2', '李强'], ['U0DEMOAM1', '王晓梅'], ['U0GZAM', '黄珊'], ['U0DEMOSUP2', '孙磊'], ['U0GZSUP', '何静']] as const) {
    t.slack.setUser(id, { locale: 'zh-CN', tz: 'Asia/Shanghai', name });
  }
  await t.bot.db.staff.create({ data: { slackUserId: 'U0GZAM', name: '黄珊', role: 'account_manager', regionCode: 'GZ', timezone: 'Asia/Shanghai' } });
  await t.bot.db.staff.create({ data: { slackUserId: 'U0GZSUP', name: '何静', role: 'supervisor', regionCode: 'GZ', timezone: 'Asia/Shanghai' } });

  // A: 31 Oct 23:00 in Shanghai — outside November; its reply (5 Nov) is inside.
  const a = await openAt('2026-10-31T15:00:00Z', 'U0DEMOAM3', { memberNumber: 'C0004', service: 'bill_query', description: '查询十月份国际漫游账单。', contactPhone: '13801010001' });
  numbers.a = a.number;
  // B: 1 Nov 00:30 in Shanghai, opened through Slack so its messages exist; replied 2 Nov.
  t.clock.set('2026-10-31T16:30:00Z');
  const view = await openAcceptanceForm(t, 'U0DEMOAM3');
  const answer = await submitAcceptance(t, 'U0DEMOAM3', view, {
    memberNumber: '13901010002', service: 'complaint', description: '会员投诉：在上海营业厅等候超过 30 分钟，要求回电致歉。', contactPhone: '021-61234567', verifiedBy: '北京 赵敏',
  });
  expect(answer.response_action).toBe('update');
  const b = await t.bot.db.xregionRequest.findFirstOrThrow({ where: { customerCode: 'C0005' } });
  numbers.b = b.number;
  await waitForRequestMessage(t, 'C0DEMOSHXRG', b.number);
  await eventually(async () => expect((await t.bot.db.xregionRequest.findUniqueOrThrow({ where: { id: b.id } })).servingMessageTs).not.toBeNull());
  await replyAt('2026-11-02T02:00:00Z', b.id, 'U0DEMOAM2', {
    result: 'partly_done', reason: '致歉电话已打，补偿话费需主管审批。', actionsTaken: '客户经理已致电会员道歉，并说明处理进度。', handledBy: '李强', handledAt: new Date('2026-11-02T01:30:00Z'), notes: '待主管审批后再回访, "补偿" 50 元',
  });
  await replyAt('2026-11-05T03:00:00Z', a.requestId, 'U0DEMOAM1', {
    result: 'done', reason: null, actionsTaken: '已将账单明细发送至会员邮箱。', handledBy: '王晓梅', handledAt: new Date('2026-11-05T02:40:00Z'), notes: null,
  });
  // C: 30 Nov 23:59 in Shanghai, a member not in the directory — inside.
  const c = await openAt('2026-11-30T15:59:00Z', 'U0DEMOAM3', { memberNumber: '13700000000', memberName: '欧阳娜娜', homeRegionCode: 'BJ', service: 'other', description: '=会员需要开具发票，抬头：北京某某科技有限公司', contactPhone: '13700000000', verifiedBy: '北京 王晓梅' });
  numbers.c = c.number;
  // D: 1 Dec 00:00 in Shanghai — outside.
  const d = await openAt('2026-11-30T16:00:00Z', 'U0DEMOAM3', { memberNumber: 'C0004', service: 'service_change', description: '变更套餐。', contactPhone: '13801010001' });
  numbers.d = d.number;
});
afterAll(() => t.stop());

describe('corrections', () => {
  it('store the corrected acceptance form as version 2, with who and when, and keep version 1 as it was', async () => {
    t.clock.set('2026-11-03T01:00:00Z');
    const copy = requestMessageIn(t, 'C0DEMOSHXRG', numbers.b!)!;
    const opens = t.slack.callsTo('views.open').length;
    await clickButton(t, 'U0DEMOAM3', 'xregion.correct_acceptance', copy);
    await t.slack.waitFor(() => t.slack.callsTo('views.open').length > opens);
    const view = t.slack.callsTo('views.open').at(-1)!.response.view;
    expect(text(view)).toContain('会员投诉：在上海营业厅等候超过 30 分钟');
    const saved = await t.driver.viewSubmission({
      userId: 'U0DEMOAM3',
      view,
      values: {
        member_name: { member_name: plainText('李娜') },
        service: { service: staticSelect('complaint') },
        description: { description: plainText('会员投诉：在上海营业厅等候超过 40 分钟，要求回电致歉。') },
        contact_phone: { contact_phone: plainText('021-61234567') },
        verified_by: { verified_by: plainText('北京 赵敏') },
      },
    });
    expect(saved.json.response_action).toBe('update');
    const forms = await t.bot.db.xregionAcceptanceForm.findMany({ where: { request: { number: numbers.b } }, orderBy: { version: 'asc' } });
    expect(forms.map((f) => [f.version, f.memberName, f.submittedById, f.submittedAt.toISOString()])).toEqual([
      [1, 'Li Na', 'U0DEMOAM3', '2026-10-31T16:30:00.000Z'],
      [2, '李娜', 'U0DEMOAM3', '2026-11-03T01:00:00.000Z'],
    ]);
    expect(forms[0]!.description).toContain('30 分钟');
    expect(forms[1]!.description).toContain('40 分钟');
    await eventually(async () => expect(text(requestMessageIn(t, 'C0DEMOBJXRG', numbers.b!))).toContain('受理单第 2 版'));
    expect(await t.bot.db.auditEntry.count({ where: { subject: `xregion:${numbers.b}`, action: 'xregion.acceptance_corrected' } })).toBe(1);
  });

  it('are refused to the home region for the acceptance form, privately', async () => {
    const copy = requestMessageIn(t, 'C0DEMOSHXRG', numbers.b!)!;
    const answer = await privateAnswer(t, await clickButton(t, 'U0DEMOAM2', 'xregion.correct_acceptance', copy));
    expect(answer.text).toContain('受理地（上海）');
    expect(await t.bot.db.xregionAcceptanceForm.count({ where: { request: { number: numbers.b } } })).toBe(2);
  });
});

describe('/xregion export', () => {
  it('uploads a BOM-prefixed UTF-8 CSV of exactly the period’s forms, which parses back to every field', async () => {
    t.clock.set('2026-12-02T01:00:00Z');
    // The forms hold members' numbers in full (PIPL): a supervisor exports them, audited.
    const answer = await command('U0DEMOSUP2', 'export 2026-11-01 2026-11-30');
    expect(answer.text).toContain('受理单 3 份、回复单 2 份');
    const [file] = t.slack.files();
    expect(t.slack.files()).toHaveLength(1);
    expect(file!.channel_id).toBe('DU0DEMOSUP2');
    const audit = await t.bot.db.auditEntry.findMany({ where: { action: 'pii.exported' } });
    expect(audit.map((a) => [a.actorId, a.subject, a.detail])).toEqual([
      ['U0DEMOSUP2', 'xregion:export', { from: '2026-10-31T16:00:00.000Z', to: '2026-11-30T16:00:00.000Z', acceptanceForms: 3, replyForms: 2 }],
    ]);
    expect(file!.filename).toBe('xregion-forms-2026-11-01-2026-11-30.csv');
    const bytes = file!.content!;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('\r\n');

    const rows: Record<string, string>[] = parse(bytes, { bom: true, columns: true });
    const key = (r: Record<string, string>) => `${r['单据类型']} ${r['受理单号']} v${r['版本']}`;
    // Sorted by request number; a request's acceptance forms before its replies.
    expect(rows.map(key)).toEqual([
      `回复单 ${numbers.a} v1`,
      `受理单 ${numbers.b} v1`,
      `受理单 ${numbers.b} v2`,
      `回复单 ${numbers.b} v1`,
      `受理单 ${numbers.c} v1`,
    ]);
    expect(rows.map((r) => r['受理单号'])).not.toContain(numbers.d);
    expect(rows.filter((r) => r['受理单号'] === numbers.a).map((r) => r['单据类型'])).toEqual(['回复单']);

    const find = (form: string, number: string, version: string) => rows.find((r) => r['单据类型'] === form && r['受理单号'] === number && r['版本'] === version)!;
    const zone = ' (Asia/Shanghai)';
    expect(find('受理单', numbers.b!, '1')).toEqual({
      '单据类型': '受理单', '受理单号': numbers.b, '版本': '1',
      [`提交时间${zone}`]: '2026-11-01 00:30', '提交人': 'Chen Jing (U0DEMOAM3)',
      [`受理时间${zone}`]: '2026-11-01 00:30', '受理人': 'Chen Jing (U0DEMOAM3)',
      '会员号码': '13901010002', '会员姓名': 'Li Na', '卡级别': '金卡', '归属地': '北京', '受理地（漫游地）': '上海',
      '申请业务': '投诉', '业务描述': '会员投诉：在上海营业厅等候超过 30 分钟，要求回电致歉。', '会员联系电话': '02161234567',
      '核实人': '北京 赵敏', [`回复时限${zone}`]: '2026-11-01 08:30',
      '办理结果': '', '原因': '', '办理情况': '', '经办人': '', [`办理时间${zone}`]: '', '回复时效': '', '备注': '',
    });
    expect(find('受理单', numbers.b!, '2')).toMatchObject({ [`提交时间${zone}`]: '2026-11-03 09:00', '会员姓名': '李娜', '业务描述': '会员投诉：在上海营业厅等候超过 40 分钟，要求回电致歉。' });
    expect(find('回复单', numbers.b!, '1')).toEqual({
      '单据类型': '回复单', '受理单号': numbers.b, '版本': '1',
      [`提交时间${zone}`]: '2026-11-02 10:00', '提交人': '李强 (U0DEMOAM2)',
      [`受理时间${zone}`]: '2026-11-01 00:30', '受理人': 'Chen Jing (U0DEMOAM3)',
      // Every row names the member and both regions (the latest acceptance form's member name), so rows join without a lookup.
      '会员号码': '13901010002', '会员姓名': '李娜', '卡级别': '', '归属地': '北京', '受理地（漫游地）': '上海', '申请业务': '', '业务描述': '', '会员联系电话': '', '核实人': '', [`回复时限${zone}`]: '2026-11-01 08:30',
      '办理结果': '部分办理', '原因': '致歉电话已打，补偿话费需主管审批。', '办理情况': '客户经理已致电会员道歉，并说明处理进度。',
      '经办人': '李强', [`办理时间${zone}`]: '2026-11-02 09:30', '回复时效': '超过时限 1 天 1 小时', '备注': '待主管审批后再回访, "补偿" 50 元',
    });
    expect(find('回复单', numbers.a!, '1')).toMatchObject({
      '办理结果': '已办结', '原因': '', '备注': '', '经办人': '王晓梅', '会员号码': 'C0004', '会员姓名': '周文华', '归属地': '北京', '受理地（漫游地）': '上海', '回复时效': '超过时限 4 天 8 小时',
    });
    // A cell a spreadsheet would run as a formula is kept as text.
    expect(find('受理单', numbers.c!, '1')).toMatchObject({
      '会员姓名': '欧阳娜娜', '卡级别': '无卡级', '核实人': '北京 王晓梅', '业务描述': "'=会员需要开具发票，抬头：北京某某科技有限公司", [`受理时间${zone}`]: '2026-11-30 23:59', [`回复时限${zone}`]: '2026-12-01 23:59',
    });
  });

  it('holds nothing a supervisor of an unrelated region may not see', async () => {
    const answer = await command('U0GZSUP', 'export 2026-11-01 2026-11-30');
    expect(answer.text).toBe('2026-11-01 至 2026-11-30 期间没有您有权查看的受理单或回复单。');
  });

  it('is refused to an account manager: personal data leaves only through supervisors and admins', async () => {
    const files = t.slack.files().length;
    const audited = await t.bot.db.auditEntry.count({ where: { action: 'pii.exported' } });
    expect((await command('U0DEMOAM3', 'export 2026-11-01 2026-11-30')).text).toContain('仅限主管和管理员');
    expect(t.slack.files()).toHaveLength(files);
    expect(await t.bot.db.auditEntry.count({ where: { action: 'pii.exported' } })).toBe(audited);
  });

  it('explains a period that is not one', async () => {
    expect((await command('U0DEMOSUP2', 'export 2026-11-30 2026-11-01')).text).toContain('不是有效的时间段');
    expect((await command('U0DEMOSUP2', 'export')).text).toContain('用法');
  });
});

describe('/xregion find', () => {
  it('finds by number, member number, member name, region and period', async () => {
    const lines = async (query: string) => text(await command('U0DEMOAM3', `find ${query}`));
    expect(await lines(numbers.b!)).toContain('共 1 张');
    const byPhone = await lines('139-0101-0002');
    expect(byPhone).toContain(numbers.b);
    expect(byPhone).not.toContain(numbers.a);
    expect(await lines('欧阳')).toContain(numbers.c);
    expect(await lines('zhouwenhua')).toContain('共 2 张'); // C0004 周文华 by pinyin
    expect(await lines('C0004')).toContain('共 2 张');
    const november = await lines('2026-11');
    expect(november).toContain(numbers.b);
    expect(november).toContain(numbers.c);
    expect(november).not.toContain(numbers.a);
    expect(november).not.toContain(numbers.d);
    expect(await lines('BJ')).toContain('共 4 张');
    expect(text(await command('U0GZAM', 'find BJ'))).toContain('没有找到');
    expect((await command('U0DEMOAM3', 'find')).text).toContain('用法');
  });

  it('finds by part of a member number (four digits or more), the closest matches first', async () => {
    // Newer than B, and its number holds B's first seven digits further in.
    const f = await openAt('2026-12-01T05:00:00Z', 'U0DEMOAM3', { memberNumber: '15813901010', memberName: '测试会员', homeRegionCode: 'GZ', service: 'other', description: '查询。', contactPhone: '15813901010', verifiedBy: '广州 黄珊' });
    const numbersIn = (answer: { blocks?: unknown }) => [...JSON.stringify(answer.blocks ?? []).matchAll(/`(XR-[\d-]+)`/g)].map((m) => m[1]);
    // A prefix ranks before a number that only contains the digits, however new.
    const partial = await command('U0DEMOAM3', 'find 1390101');
    expect(partial.text).toContain('共 2 张');
    expect(numbersIn(partial)).toEqual([numbers.b, f.number]);
    expect(numbersIn(await command('U0DEMOAM3', 'find 0101-0002'))).toEqual([numbers.b]);
    expect(numbersIn(await command('U0DEMOAM3', 'find 13901010002'))).toEqual([numbers.b]);
    // Three digits are too few to mean a number.
    expect((await command('U0DEMOAM3', 'find 139')).text).toContain('没有找到');
    // Only what the asker may see: Guangzhou sees its own member, not Beijing's.
    expect(numbersIn(await command('U0GZAM', 'find 1390101'))).toEqual([f.number]);
  });

  it('pages through many results with buttons', async () => {
    for (let i = 0; i < 9; i++) {
      await openAt(`2026-12-0${(i % 3) + 1}T0${i}:00:00Z`, 'U0DEMOAM3', { memberNumber: 'C0005', service: 'bill_query', description: `第 ${i + 1} 次查询`, contactPhone: '13901010002' });
    }
    const first = await command('U0DEMOAM3', 'find BJ');
    expect(first.text).toContain('共 13 张（第 1/2 页）');
    expect((JSON.stringify(first.blocks).match(/`XR-/g) ?? []).length).toBe(10);
    const responseUrl = t.slack.responseUrl();
    await t.driver.blockAction({ userId: 'U0DEMOAM3', actionId: 'xregion.find_next_page', message: { blocks: first.blocks, text: first.text }, responseUrl });
    const second = (await t.slack.waitFor((c) => c.method === 'response_url' && c.responseUrl === responseUrl)).args;
    expect(second.replace_original).toBe(true);
    expect(second.text).toContain('第 2/2 页');
    expect((JSON.stringify(second.blocks).match(/`XR-/g) ?? []).length).toBe(3);
    expect(JSON.stringify(second.blocks)).toContain(numbers.a);
    expect(JSON.stringify(second.blocks)).toContain('xregion.find_previous_page');
    t.slack.assertNoRejections();
  });
});

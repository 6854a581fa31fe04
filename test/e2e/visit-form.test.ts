// /visit through the real receiver: the form (customer search, field errors, saving),
// the quick form with Chinese and Latin names, and editing that keeps the earlier version.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { validateView } from '../../src/sandbox/slack-stand-in/block-kit.ts';
import { startTestBot, type TestBot } from '../support/test-bot.ts';
import { datepicker, datetimepicker, externalSelect, multiStaticSelect, plainText, staticSelect } from '../../src/sandbox/slack-stand-in/view-state.ts';

let t: TestBot;
beforeAll(async () => {
  // Monday 10:00 in Shanghai.
  t = await startTestBot({ now: '2026-11-23T02:00:00Z' });
  t.slack.setUser('U0DEMOAM1', { locale: 'zh-CN', tz: 'Asia/Shanghai', name: '王晓梅' });
  t.slack.setUser('U0DEMOAM2', { locale: 'zh-CN', tz: 'Asia/Shanghai', name: '李强' });
  t.slack.setUser('U0DEMOAM3', { locale: 'en-US', tz: 'Asia/Shanghai', name: 'Chen Jing' });
});
afterAll(() => t.stop());
beforeEach(() => t.slack.reset());

const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

async function command(userId: string, text: string) {
  const responseUrl = t.slack.responseUrl();
  const response = await t.driver.command({ command: '/visit', text, userId, responseUrl });
  expect(response.status).toBe(200);
  return responseUrl;
}

async function answerTo(userId: string, text: string) {
  const responseUrl = await command(userId, text);
  const answer = await t.slack.waitFor((c) => c.method === 'response_url' && c.responseUrl === responseUrl);
  t.slack.assertNoRejections();
  return answer.args;
}

async function openForm(userId: string) {
  await command(userId, '');
  await t.slack.waitFor((c) => c.method === 'views.open');
  t.slack.assertNoRejections();
  return t.slack.openViews().at(-1)!;
}

function formValues(overrides: Record<string, Record<string, unknown>> = {}) {
  return {
    customer: { 'visit.customer': externalSelect('C0004', 'C0004 周文华') },
    kind: { 'visit.kind': staticSelect('on_site') },
    purposes: { 'visit.purposes': multiStaticSelect(['routine_care', 'needs_collection']) },
    occurred_at: { 'visit.occurred_at': datetimepicker(seconds('2026-11-23T01:30:00Z')) },
    met_with: { 'visit.met_with': plainText('周文华本人') },
    summary: { 'visit.summary': plainText('上门拜访，了解家庭宽带升级需求，演示了新的国际漫游套餐。') },
    satisfaction: { 'visit.satisfaction': staticSelect('5') },
    next_follow_up: { 'visit.next_follow_up': datepicker('2026-11-30') },
    ...overrides,
  };
}

describe('the visit form', () => {
  it('opens with the time set to now and finds customers by code or name, Chinese or Latin, among the user’s own', async () => {
    const view = await openForm('U0DEMOAM1');
    expect(view.callback_id).toBe('visit.form');
    const when = view.blocks.find((b: any) => b.block_id === 'occurred_at');
    expect(when.element.initial_date_time).toBe(seconds('2026-11-23T02:00:00Z'));

    const search = async (userId: string, value: string) =>
      (await t.driver.blockSuggestion({ userId, actionId: 'visit.customer', value, view })).json.options.map((o: any) => o.value);
    expect(await search('U0DEMOAM1', '星辰')).toEqual(['C0001']);
    expect(await search('U0DEMOAM1', 'c000')).toEqual(['C0001', 'C0002', 'C0004']);
    expect(await search('U0DEMOAM1', '')).toEqual(['C0001', 'C0002', 'C0004']);
    expect(await search('U0DEMOAM2', 'li na')).toEqual(['C0005']);
    expect(await search('U0DEMOAM3', 'harbour')).toEqual(['C0007']);
    // Pinyin, whole or begun, and initials (the form promises 中文或拼写).
    for (const typed of ['zhou', 'zhouwenhua', 'Zhou Wenhua', 'ZWH']) expect(await search('U0DEMOAM1', typed)).toEqual(['C0004']);
    expect(await search('U0DEMOAM1', 'xingchen')).toEqual(['C0001']);
    // Another manager's customer is not offered.
    expect(await search('U0DEMOAM1', 'C0003')).toEqual([]);
    expect(await search('U0DEMOSUP1', '')).toEqual(['C0001', 'C0002', 'C0003', 'C0004', 'C0005']);
  });

  it('stores a submitted visit with its author, first version and audit entry, and updates the next-contact date', async () => {
    const view = await openForm('U0DEMOAM1');
    const response = await t.driver.viewSubmission({ userId: 'U0DEMOAM1', view, values: formValues() });

    expect(response.json.response_action).toBe('update');
    expect(validateView(response.json.view)).toEqual([]);
    expect(response.json.view.title.text).toBe('走访已保存');
    expect(JSON.stringify(response.json.view)).toContain('2026-11-30');

    const visit = await t.bot.db.visit.findFirstOrThrow({ where: { customerCode: 'C0004' }, include: { versions: true } });
    expect(visit).toMatchObject({
      authorId: 'U0DEMOAM1',
      kind: 'on_site',
      purposes: ['routine_care', 'needs_collection'],
      occurredAt: new Date('2026-11-23T01:30:00Z'),
      occurredOn: new Date('2026-11-23T00:00:00Z'),
      metWith: '周文华本人',
      satisfaction: 5,
      nextFollowUpOn: new Date('2026-11-30T00:00:00Z'),
      source: 'modal',
      version: 1,
    });
    expect(visit.versions).toHaveLength(1);
    expect(visit.versions[0]).toMatchObject({ version: 1, editorId: 'U0DEMOAM1', summary: visit.summary });
    expect(await t.bot.db.auditEntry.findFirst({ where: { subject: `visit:${visit.id}` } })).toMatchObject({ actorId: 'U0DEMOAM1', action: 'visit.logged' });
    // Diamond cadence would allow 14 days; the promised 30 November comes first.
    const followUp = await t.bot.db.customerFollowUp.findUniqueOrThrow({ where: { customerCode: 'C0004' } });
    expect(followUp).toMatchObject({ nextContactDueOn: new Date('2026-11-30T00:00:00Z'), dueReason: 'promise', lastContactOn: new Date('2026-11-23T00:00:00Z') });
  });

  it('without a promise, sets the next contact by the tier’s cadence', async () => {
    const view = await openForm('U0DEMOAM1');
    const values = formValues({ customer: { 'visit.customer': externalSelect('C0002') }, next_follow_up: { 'visit.next_follow_up': datepicker(null) } });
    const response = await t.driver.viewSubmission({ userId: 'U0DEMOAM1', view, values });
    expect(response.json.response_action).toBe('update');
    // Group AA: every 30 days.
    const followUp = await t.bot.db.customerFollowUp.findUniqueOrThrow({ where: { customerCode: 'C0002' } });
    expect(followUp).toMatchObject({ nextContactDueOn: new Date('2026-12-23T00:00:00Z'), dueReason: 'cadence' });
  });

  it('keeps a promise made in a visit logged after a later call, and says so in the confirmation', async () => {
    await answerTo('U0DEMOAM1', 'C0002 电话 确认续约意向');
    // The morning's visit (09:30), logged after the 10:00 call, with a follow-up date.
    const view = await openForm('U0DEMOAM1');
    const values = formValues({ customer: { 'visit.customer': externalSelect('C0002') }, next_follow_up: { 'visit.next_follow_up': datepicker('2026-11-27') } });
    const response = await t.driver.viewSubmission({ userId: 'U0DEMOAM1', view, values });
    expect(response.json.response_action).toBe('update');
    expect(JSON.stringify(response.json.view)).toContain('下次联系日期 *2026-11-27*（您约定的回访）');
    const followUp = await t.bot.db.customerFollowUp.findUniqueOrThrow({ where: { customerCode: 'C0002' } });
    expect(followUp).toMatchObject({ nextContactDueOn: new Date('2026-11-27T00:00:00Z'), dueReason: 'promise', promisedOn: new Date('2026-11-27T00:00:00Z') });
  });

  it('returns a bad date and an empty summary as field errors, in the user’s language, and stores nothing', async () => {
    const view = await openForm('U0DEMOAM1');
    const before = await t.bot.db.visit.count();
    const values = formValues({
      customer: { 'visit.customer': externalSelect('C0001') },
      summary: { 'visit.summary': plainText('   ') },
      next_follow_up: { 'visit.next_follow_up': datepicker('2026-11-20') },
    });
    const response = await t.driver.viewSubmission({ userId: 'U0DEMOAM1', view, values });

    expect(response.json).toEqual({
      response_action: 'errors',
      errors: { summary: '请简要填写沟通内容。', next_follow_up: '下次跟进日期已过，请选择今天或之后的日期。' },
    });
    // Every error names a block the form really has.
    const blockIds = view.blocks.map((b: any) => b.block_id);
    for (const id of Object.keys(response.json.errors)) expect(blockIds).toContain(id);
    expect(await t.bot.db.visit.count()).toBe(before);
    expect(await t.bot.db.customerFollowUp.findUnique({ where: { customerCode: 'C0001' } })).toBeNull();
  });

  it('refuses a visit time in the future and a follow-up not after the visit, next to those fields', async () => {
    const view = await openForm('U0DEMOAM3');
    const future = formValues({
      customer: { 'visit.customer': externalSelect('C0007') },
      occurred_at: { 'visit.occurred_at': datetimepicker(seconds('2026-11-23T05:00:00Z')) },
    });
    const response = await t.driver.viewSubmission({ userId: 'U0DEMOAM3', view, values: future });
    expect(response.json).toEqual({ response_action: 'errors', errors: { occurred_at: 'This time is in the future; please log visits that have happened.' } });

    const sameDay = formValues({
      customer: { 'visit.customer': externalSelect('C0007') },
      occurred_at: { 'visit.occurred_at': datetimepicker(seconds('2026-11-23T01:00:00Z')) },
      next_follow_up: { 'visit.next_follow_up': datepicker('2026-11-23') },
    });
    const second = await t.driver.viewSubmission({ userId: 'U0DEMOAM3', view, values: sameDay });
    expect(second.json.errors).toEqual({ next_follow_up: 'The next follow-up must be after the visit itself.' });
    expect(await t.bot.db.visit.count({ where: { customerCode: 'C0007' } })).toBe(0);
  });

  it('refuses another manager’s customer next to the customer field', async () => {
    const view = await openForm('U0DEMOAM1');
    const response = await t.driver.viewSubmission({ userId: 'U0DEMOAM1', view, values: formValues({ customer: { 'visit.customer': externalSelect('C0006') } }) });
    expect(response.json.response_action).toBe('errors');
    expect(response.json.errors.customer).toContain('上海浦江银行');
    expect(await t.bot.db.visit.count({ where: { customerCode: 'C0006' } })).toBe(0);
  });
});

describe('the quick form', () => {
  it('logs a call by a Chinese name at once and answers with a button to add details', async () => {
    const answer = await answerTo('U0DEMOAM1', '周文华 phone 电话沟通宽带续约事宜');
    expect(answer.response_type).toBe('ephemeral');
    expect(answer.text).toContain('周文华 (C0004)');
    const visit = await t.bot.db.visit.findFirstOrThrow({ where: { customerCode: 'C0004', source: 'quick' } });
    expect(visit).toMatchObject({ authorId: 'U0DEMOAM1', kind: 'phone', summary: '电话沟通宽带续约事宜', occurredAt: new Date('2026-11-23T02:00:00Z') });
    expect(answer.blocks[0].accessory).toMatchObject({ action_id: 'visit.edit', value: String(visit.id) });
  });

  it('finds a customer by part of a Chinese name, and by a Latin name in any case and with a Chinese kind word', async () => {
    await answerTo('U0DEMOAM1', '星辰 电话 确认专线割接时间');
    expect(await t.bot.db.visit.count({ where: { customerCode: 'C0001', source: 'quick' } })).toBe(1);
    // Typed the Chinese way, the kind word and the note together.
    expect((await answerTo('U0DEMOAM1', '星辰 电话沟通续约')).text).toContain('(C0001)');
    expect(await t.bot.db.visit.findFirstOrThrow({ where: { customerCode: 'C0001', source: 'quick' }, orderBy: { id: 'desc' } })).toMatchObject({ kind: 'phone', summary: '沟通续约' });

    const latin = await answerTo('U0DEMOAM2', 'li na 回访 Satisfaction callback after the SIM swap');
    expect(latin.text).toContain('Li Na (C0005)');
    expect(await t.bot.db.visit.findFirstOrThrow({ where: { customerCode: 'C0005' } })).toMatchObject({ kind: 'callback_survey', authorId: 'U0DEMOAM2' });

    const pinyin = await answerTo('U0DEMOAM1', 'zhouwenhua phone 确认续约');
    expect(pinyin.text).toContain('周文华 (C0004)');

    const english = await answerTo('U0DEMOAM3', 'Shanghai Harbour Logistics onsite Met the IT director about the MPLS renewal');
    expect(english.text).toContain('Logged: on-site visit with *Shanghai Harbour Logistics (C0007)*');
  });

  it('explains the usage, an unknown customer and another manager’s customer, storing nothing', async () => {
    const before = await t.bot.db.visit.count();
    expect((await answerTo('U0DEMOAM3', 'C0007 Called them')).text).toContain('/visit CUSTOMER KIND SUMMARY');
    expect((await answerTo('U0DEMOAM3', 'Nobody Ltd phone hello')).text).toContain('could not find a customer matching “Nobody Ltd”');
    expect((await answerTo('U0DEMOAM3', 'C0001 phone hello')).text).toContain('is not one of the customers you serve');
    expect((await answerTo('U0DEMOENG1', 'C0001 phone hello')).text).toContain('客户经理');
    expect(await t.bot.db.visit.count()).toBe(before);
  });

  it('opens the form from "Add details"; saving adds version 2 and keeps version 1', async () => {
    const answer = await answerTo('U0DEMOAM3', 'C0008 phone Birthday wishes in advance');
    const visit = await t.bot.db.visit.findFirstOrThrow({ where: { customerCode: 'C0008' } });
    await t.driver.blockAction({ userId: 'U0DEMOAM3', actionId: 'visit.edit', message: answer, responseUrl: t.slack.responseUrl() });
    await t.slack.waitFor((c) => c.method === 'views.open');
    const view = t.slack.openViews().at(-1)!;
    expect(JSON.parse(view.private_metadata)).toMatchObject({ visitId: String(visit.id), version: 1 });
    expect(view.blocks.find((b: any) => b.block_id === 'summary').element.initial_value).toBe('Birthday wishes in advance');

    const values = formValues({
      customer: { 'visit.customer': externalSelect('C0008') },
      kind: { 'visit.kind': staticSelect('phone') },
      purposes: { 'visit.purposes': multiStaticSelect(['birthday_care']) },
      occurred_at: { 'visit.occurred_at': datetimepicker(seconds('2026-11-23T02:00:00Z')) },
      met_with: { 'visit.met_with': plainText('Ms Wu') },
      summary: { 'visit.summary': plainText('Birthday wishes in advance; she asked about family plan prices.') },
      next_follow_up: { 'visit.next_follow_up': datepicker('2026-12-07') },
    });
    const response = await t.driver.viewSubmission({ userId: 'U0DEMOAM3', view, values });
    expect(response.json.response_action).toBe('update');
    expect(JSON.stringify(response.json.view)).toContain('version 2');

    const versions = await t.bot.db.visitVersion.findMany({ where: { visitId: visit.id }, orderBy: { version: 'asc' } });
    expect(versions.map((v) => [v.version, v.summary])).toEqual([
      [1, 'Birthday wishes in advance'],
      [2, 'Birthday wishes in advance; she asked about family plan prices.'],
    ]);
    expect(await t.bot.db.visit.findUniqueOrThrow({ where: { id: visit.id } })).toMatchObject({ version: 2, metWith: 'Ms Wu', purposes: ['birthday_care'] });
    const audit = await t.bot.db.auditEntry.findMany({ where: { subject: `visit:${visit.id}` }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['visit.logged', 'visit.edited']);
    expect((await t.bot.db.customerFollowUp.findUniqueOrThrow({ where: { customerCode: 'C0008' } })).nextContactDueOn).toEqual(new Date('2026-12-07T00:00:00Z'));

    // A second save from the same (now outdated) form is refused, not silently lost.
    const stale = await t.driver.viewSubmission({ userId: 'U0DEMOAM3', view, values });
    expect(stale.json.view.title.text).toBe('Not saved');
    expect(JSON.stringify(stale.json.view)).toContain('Someone saved a change to this visit');
    expect(await t.bot.db.visitVersion.count({ where: { visitId: visit.id } })).toBe(2);
  });

  it('lets only the author edit a visit', async () => {
    const visit = await t.bot.db.visit.findFirstOrThrow({ where: { customerCode: 'C0008' } });
    const responseUrl = t.slack.responseUrl();
    const message = { blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'x' }, accessory: { type: 'button', action_id: 'visit.edit', value: String(visit.id), text: { type: 'plain_text', text: 'Edit' } } }] };
    await t.driver.blockAction({ userId: 'U0DEMOSUP2', actionId: 'visit.edit', message, responseUrl });
    const answer = await t.slack.waitFor((c) => c.method === 'response_url' && c.responseUrl === responseUrl);
    expect(answer.args.text).toContain('只有登记该走访的同事才能修改');
    expect(t.slack.callsTo('views.open')).toHaveLength(0);
  });
});

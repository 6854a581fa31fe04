// The care callback after a fault (故障回访), end to end: an AAA customer's ticket is
// restored → exactly one callback task in the account manager's DMs, with the care
// script and a due time in working hours → "Log callback" opens the visit form as a
// callback survey → logged "dissatisfied" → the retention offer, whose button opens the
// retention form with the trigger "service". A callback left undone is reminded once.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { careCallbackTimer } from '../../src/domain/care/open-care-callback.ts';
import { buildMonthlyReport } from '../../src/domain/reports/monthly-report.ts';
import { monthlyReportMessage } from '../../src/slack/reports/monthly-report-message.ts';
import { monthlyReportCsvRows } from '../../src/slack/reports/monthly-report-files.ts';
import { careIds, retentionIds, ticketIds } from '../../src/slack/ids.ts';
import type { FakeMessage } from '../../src/sandbox/slack-stand-in/server.ts';
import { startTestBot, type TestBot } from '../support/test-bot.ts';
import { clickTicketButton, introducePeople, openTicketByModal, people, sweep, until } from '../support/tickets.ts';
import { datetimepicker, externalSelect, multiStaticSelect, plainText, staticSelect } from '../../src/sandbox/slack-stand-in/view-state.ts';

let t: TestBot;
beforeAll(async () => {
  // Tuesday 24 November 2026, 10:00 in Beijing.
  t = await startTestBot({ now: '2026-11-24T02:00:00Z' });
  introducePeople(t.slack);
});
afterAll(() => t.stop());
beforeEach(() => t.slack.reset());

let triggers = 0;

/** Claimed and restored through the buttons and the restore modal, by an engineer. */
async function restoreThroughSlack(number: string) {
  await clickTicketButton(t, { userId: people.eng1, number, actionId: ticketIds.claim });
  await until(t, 'claimed', async () => (await t.bot.db.ticket.findUniqueOrThrow({ where: { number } })).status === 'claimed');
  await t.bot.ctx.outbox.idle();
  const triggerId = `trigger-restore-${++triggers}`;
  await clickTicketButton(t, { userId: people.eng1, number, actionId: ticketIds.restore, triggerId });
  const modal = (await t.slack.waitFor((c) => c.method === 'views.open' && c.args.trigger_id === triggerId)).response.view;
  const restored = await t.driver.viewSubmission({
    userId: people.eng1,
    view: modal,
    values: { cause: { cause: plainText('Optical module failed') }, action: { action: plainText('Replaced the module, line tested') } },
  });
  expect(restored.text).toBe('');
  await t.bot.ctx.outbox.idle();
}

const careDms = (userId: string, predicate: (m: FakeMessage) => boolean) => t.slack.messages().filter((m) => m.channel === `D${userId}` && predicate(m));
const shown = (m: FakeMessage | undefined) => JSON.stringify(m?.blocks ?? []);
const isTask = (m: FakeMessage) => shown(m).includes(careIds.logCallback) && shown(m).includes('回访话术');

describe('a restored AAA ticket', () => {
  it('gives the account manager one callback task; logged dissatisfied, it offers a retention case with the trigger "service"', async () => {
    const ticket = await openTicketByModal(t, { userId: people.sup1, customer: 'C0001', description: 'Internet line down at HQ' });
    expect(ticket.serviceLevel).toBe('AAA');
    await restoreThroughSlack(ticket.number);

    const callbacks = await t.bot.db.careCallback.findMany();
    expect(callbacks).toHaveLength(1);
    const [callback] = callbacks;
    // Restored 10:00 Tuesday; 4 working hours (09:00–18:00) later is 14:00 the same day.
    expect(callback).toMatchObject({ ticketId: ticket.id, customerCode: 'C0001', managerId: people.am1, dueAt: new Date('2026-11-24T06:00:00Z'), doneAt: null });
    expect((await t.bot.db.timer.findFirstOrThrow({ where: { kind: careCallbackTimer, subjectId: String(callback!.id) } })).dueAt).toEqual(callback!.dueAt);

    const tasks = careDms(people.am1, isTask);
    expect(tasks).toHaveLength(1);
    const task = tasks[0]!;
    const text = shown(task);
    expect(text).toContain(ticket.number);
    expect(text).toContain('表明身份');
    expect(text).toContain('Internet line down at HQ');
    expect(text).toContain('Optical module failed');
    expect(text).toContain('Replaced the module, line tested');
    expect(text).toContain('满意度');
    // Nobody else gets the task.
    expect(careDms(people.am2, isTask)).toHaveLength(0);

    // Log callback: the visit form as a callback survey for C0001, satisfaction required.
    await t.driver.blockAction({ userId: people.am1, actionId: careIds.logCallback, message: task, triggerId: 'trigger-callback-1' });
    const form = (await t.slack.waitFor((c) => c.method === 'views.open' && c.args.trigger_id === 'trigger-callback-1')).response.view;
    expect(form.callback_id).toBe('visit.form');
    expect(form.blocks.find((b: any) => b.block_id === 'kind').element.initial_option.value).toBe('callback_survey');
    expect(form.blocks.find((b: any) => b.block_id === 'customer').element.initial_option.value).toBe('C0001');
    expect(form.blocks.find((b: any) => b.block_id === 'satisfaction').optional).toBe(false);
    expect(JSON.parse(form.private_metadata)).toMatchObject({ careCallbackId: String(callback!.id) });

    const values = {
      customer: { 'visit.customer': externalSelect('C0001', 'C0001 北京星辰科技有限公司') },
      kind: { 'visit.kind': staticSelect('callback_survey') },
      purposes: { 'visit.purposes': multiStaticSelect(['complaint_follow_up']) },
      occurred_at: { 'visit.occurred_at': datetimepicker(Math.floor(Date.parse('2026-11-24T03:00:00Z') / 1000)) },
      summary: { 'visit.summary': plainText('客户对恢复时间不满意，认为通知不及时。') },
      satisfaction: { 'visit.satisfaction': staticSelect('2') },
    };
    t.clock.set('2026-11-24T03:05:00Z');
    const saved = await t.driver.viewSubmission({ userId: people.am1, view: form, values });
    expect(saved.json.response_action).toBe('update');
    await t.bot.ctx.outbox.idle();

    const done = await t.bot.db.careCallback.findUniqueOrThrow({ where: { id: callback!.id } });
    expect(done).toMatchObject({ satisfaction: 'dissatisfied', doneAt: new Date('2026-11-24T03:05:00Z') });
    const visit = await t.bot.db.visit.findUniqueOrThrow({ where: { id: done.visitId! } });
    expect(visit).toMatchObject({ kind: 'callback_survey', satisfaction: 2, customerCode: 'C0001', authorId: people.am1 });
    expect((await t.bot.db.timer.findFirstOrThrow({ where: { kind: careCallbackTimer, subjectId: String(callback!.id) } })).dueAt).toBeNull();

    // The retention offer, once; its button opens /retain's form for C0001 with the trigger "service".
    const offers = careDms(people.am1, (m) => shown(m).includes(careIds.openRetention));
    expect(offers).toHaveLength(1);
    expect(shown(offers[0])).toContain('不满意');
    await t.driver.blockAction({ userId: people.am1, actionId: careIds.openRetention, message: offers[0]!, triggerId: 'trigger-retain-1' });
    const retention = (await t.slack.waitFor((c) => c.method === 'views.open' && c.args.trigger_id === 'trigger-retain-1')).response.view;
    expect(retention.callback_id).toBe(retentionIds.recordView);
    expect(retention.blocks.find((b: any) => b.block_id === retentionIds.customer).element.initial_option.value).toBe('C0001');
    expect(retention.blocks.find((b: any) => b.block_id === retentionIds.trigger).element.initial_option.value).toBe('service');

    // The same callback cannot be logged twice: the second form saves nothing.
    const again = await t.driver.viewSubmission({ userId: people.am1, view: form, values });
    expect(JSON.stringify(again.json)).toContain('已登记');
    expect(await t.bot.db.visit.count({ where: { customerCode: 'C0001', kind: 'callback_survey' } })).toBe(1);
    t.slack.assertNoRejections();
  });
});

describe('a callback left undone', () => {
  it('reminds the manager once when it falls due, counting working hours over the night', async () => {
    // Restored at 17:00 Beijing on Wednesday: 1 working hour that day, 3 more on Thursday → 12:00.
    t.clock.set('2026-11-25T09:00:00Z');
    const ticket = await openTicketByModal(t, { userId: people.sup1, customer: 'C0004', description: '家中宽带中断' });
    await restoreThroughSlack(ticket.number);
    const callback = await t.bot.db.careCallback.findUniqueOrThrow({ where: { ticketId: ticket.id } });
    expect(callback.dueAt).toEqual(new Date('2026-11-26T04:00:00Z'));

    t.clock.set('2026-11-26T03:59:59Z');
    await sweep(t);
    await t.bot.ctx.outbox.idle();
    const reminders = () => careDms(people.am1, (m) => String(m.text).includes('回访已到期') && String(m.text).includes(ticket.number));
    expect(reminders()).toHaveLength(0);
    t.clock.set('2026-11-26T04:00:00Z');
    await sweep(t);
    await t.bot.ctx.outbox.idle();
    expect(reminders()).toHaveLength(1);
    t.clock.set('2026-11-26T08:00:00Z');
    await sweep(t);
    await t.bot.ctx.outbox.idle();
    expect(reminders()).toHaveLength(1);
  });

  it('gives no callback for a customer outside CARE_CALLBACK_TIERS (an A-level ticket)', async () => {
    const ticket = await openTicketByModal(t, { userId: people.sup1, customer: 'C0003' });
    expect(ticket.serviceLevel).toBe('A');
    await restoreThroughSlack(ticket.number);
    expect(await t.bot.db.careCallback.count({ where: { ticketId: ticket.id } })).toBe(0);
  });

  it('shows in the monthly report: callbacks done in time and the satisfaction split', async () => {
    t.clock.set('2026-12-01T02:00:00Z');
    const report = await buildMonthlyReport(t.bot.ctx, { regionCode: 'BJ', month: '2026-11', timeZone: 'Asia/Shanghai' });
    // C0001 logged in time (dissatisfied); C0004 still undone past its due time; C0003 owed none.
    expect(report.care).toEqual({ owed: 2, doneInTime: 1, late: 1, open: 0, satisfied: 0, neutral: 0, dissatisfied: 1 });
    const text = JSON.stringify(monthlyReportMessage('en', report).blocks);
    expect(text).toContain('2 owed: 1 done in time, 1 late, 0 still open');
    expect(text).toContain('0 satisfied, 0 neutral, 1 dissatisfied');
    expect(monthlyReportCsvRows('en', report)).toContainEqual(expect.objectContaining({ section: 'Care callbacks after faults', measure: 'done in time', value: 1 }));
  });
});

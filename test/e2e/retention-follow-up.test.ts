// A "considering" outcome's follow-up reminder: on its date (09:00 where the manager
// is), once — also across restarts — and not at all for a case closed before then.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retentionIds as ids, visitIds } from '../../src/slack/ids.ts';
import { restartTestBot } from '../support/restart-test-bot.ts';
import { retentionDriver } from '../support/retention-driver.ts';
import { startTestBot, type TestBot } from '../support/test-bot.ts';

let t: TestBot;
const r = () => retentionDriver(t); // the driver follows t across restarts

beforeAll(async () => {
  t = await startTestBot({ now: '2026-11-23T02:00:00Z' }); // 10:00 in Beijing
});
afterAll(() => t.stop());

const remindersFor = (customer: string) => r().dmsTo('U0DEMOAM1').filter((c) => String(c.args.text).includes(customer));

describe('follow-up reminder', () => {
  it('arrives on its date, once, also across restarts, and leads back to the case form', async () => {
    const ack = await r().submitCase('U0DEMOAM1', { customer: 'C0002', offer: 'bill_credit_50', outcome: 'considering', followUp: '2026-11-25' });
    expect(JSON.stringify(ack.view.blocks)).toContain('2026-11-25');
    const open = await t.bot.db.retentionCase.findFirstOrThrow({ where: { customerCode: 'C0002' } });
    expect(open).toMatchObject({ status: 'open', outcome: 'considering', offerCode: 'bill_credit_50' });
    const timer = await t.bot.db.timer.findUniqueOrThrow({ where: { kind_subjectId: { kind: 'retention.follow_up', subjectId: String(open.id) } } });
    expect(timer.dueAt?.toISOString()).toBe('2026-11-25T01:00:00.000Z'); // 09:00 Beijing

    await r().sweep('2026-11-25T00:59:59.999Z');
    expect(remindersFor('C0002')).toHaveLength(0);

    await restartTestBot(t);
    await r().sweep('2026-11-25T01:00:00Z');
    const [reminder] = remindersFor('C0002');
    expect(reminder?.args.text).toContain(`R-${open.id}`);
    expect(reminder?.args.text).toContain('首都国际物流集团');
    expect(JSON.stringify(reminder?.args.blocks)).toContain(ids.recordOutcome);

    await r().sweep('2026-11-25T01:05:00Z');
    await r().sweep('2026-11-26T01:00:00Z');
    await restartTestBot(t);
    await r().sweep('2026-11-27T01:00:00Z');
    expect(remindersFor('C0002')).toHaveLength(1);
    expect((await t.bot.db.retentionCase.findUniqueOrThrow({ where: { id: open.id } })).followUpRemindedAt?.toISOString()).toBe('2026-11-25T01:00:00.000Z');

    // The button reopens the form with the customer filled in; the final outcome closes the case.
    t.clock.set('2026-11-25T03:00:00Z');
    const message = t.slack.messageIn('U0DEMOAM1', (m) => String(m.text).includes('C0002'))!;
    const { call } = await r().after(() => r().click('U0DEMOAM1', ids.recordOutcome, message), (c) => c.method === 'views.open');
    const form = call.response.view;
    expect(JSON.stringify(form.blocks)).toContain('"initial_option":{"text":{"type":"plain_text","text":"C0002 首都国际物流集团"},"value":"C0002"}');
    await r().submitCase('U0DEMOAM1', { customer: 'C0002', offer: 'bill_credit_50', outcome: 'retained' }, form);
    expect(await t.bot.db.retentionCase.findUniqueOrThrow({ where: { id: open.id } })).toMatchObject({ status: 'closed', outcome: 'retained' });
    expect(await t.bot.db.retentionCase.count({ where: { customerCode: 'C0002' } })).toBe(1); // the same case, now final
    t.slack.assertNoRejections();
  });

  it('does not arrive for a case whose outcome became final before the date', async () => {
    t.clock.set('2026-11-26T02:00:00Z');
    await r().submitCase('U0DEMOAM1', { customer: 'C0004', offer: 'none', outcome: 'considering', followUp: '2026-11-28' });
    t.clock.set('2026-11-27T02:00:00Z');
    await r().submitCase('U0DEMOAM1', { customer: 'C0004', offer: 'none', outcome: 'churned', trigger: 'booked_cancellation' });
    await r().sweep('2026-11-28T01:00:00Z');
    expect(remindersFor('C0004')).toHaveLength(0);
  });

  it('moves with a new date: one reminder, on the new date', async () => {
    t.clock.set('2026-11-27T02:00:00Z');
    await r().submitCase('U0DEMOAM1', { customer: 'C0001', offer: 'none', outcome: 'considering', followUp: '2026-11-29' });
    t.clock.set('2026-11-28T02:00:00Z');
    await r().submitCase('U0DEMOAM1', { customer: 'C0001', offer: 'bill_credit_50', outcome: 'considering', followUp: '2026-12-02' });
    await r().sweep('2026-11-29T01:00:00Z');
    expect(remindersFor('C0001')).toHaveLength(0);
    await r().sweep('2026-12-02T01:00:00Z');
    await r().sweep('2026-12-03T01:00:00Z');
    expect(remindersFor('C0001')).toHaveLength(1);
  });

  it('after a retention, the optional date brings a callback reminder, and the case counts as retained and closed', async () => {
    t.clock.set('2026-11-28T02:00:00Z');
    const ack = await r().submitCase('U0DEMOAM1', { customer: 'C0002', offer: 'bill_credit_50', outcome: 'retained', followUp: '2026-12-04' });
    const confirmation = JSON.stringify(ack.view.blocks);
    expect(confirmation).toContain('2026-12-04');
    expect(confirmation).toContain('回访');
    expect(confirmation).not.toContain('保持未结'); // "stays open until the outcome is decided"
    const retained = await t.bot.db.retentionCase.findFirstOrThrow({ where: { customerCode: 'C0002' }, orderBy: { id: 'desc' } });
    expect(retained).toMatchObject({ status: 'closed', outcome: 'retained', followUpOn: new Date('2026-12-04T00:00:00Z') });
    const timer = await t.bot.db.timer.findUniqueOrThrow({ where: { kind_subjectId: { kind: 'retention.follow_up', subjectId: String(retained.id) } } });
    expect(timer.dueAt?.toISOString()).toBe('2026-12-04T01:00:00.000Z');

    const before = remindersFor('C0002').length;
    await r().sweep('2026-12-04T01:00:00Z');
    await r().sweep('2026-12-05T01:00:00Z');
    const callbacks = remindersFor('C0002').slice(before);
    expect(callbacks).toHaveLength(1);
    expect(callbacks[0]!.args.text).toContain('回访提醒');
    expect(callbacks[0]!.args.text).toContain(`R-${retained.id}`);
    const blocks = JSON.stringify(callbacks[0]!.args.blocks);
    expect(blocks).toContain(visitIds.logFor); // log the callback as a visit
    expect(blocks).not.toContain(ids.recordOutcome); // the outcome is already final
  });

  it('refuses a follow-up date for a churned customer rather than promising a reminder', async () => {
    t.clock.set('2026-11-28T03:00:00Z');
    const ack = await r().submitCase('U0DEMOAM1', { customer: 'C0001', offer: 'none', outcome: 'churned', followUp: '2026-12-04' });
    expect(ack.response_action).toBe('errors');
    expect(Object.keys(ack.errors)).toEqual([ids.followUp]);
  });
});

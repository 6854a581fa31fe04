// Visit check-in / check-out at exact instants: Start visit in the visit form (opened from
// a digest line's Log visit) at 23:30 Beijing time and End visit at 00:45 the next day is
// a 75-minute visit; the form keeps what was typed and only its check-in line changes.
// One visit under way at a time; /visit start|end do the same privately; the monthly
// report counts each visit's time in the month it started.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMonthlyReport } from '../../src/domain/reports/monthly-report.ts';
import { visitIds } from '../../src/slack/ids.ts';
import { monthlyReportMessage } from '../../src/slack/reports/monthly-report-message.ts';
import { startTestBot, type TestBot } from '../support/test-bot.ts';
import { introducePeople, people, until } from '../support/tickets.ts';

describe('visit check-in and check-out', () => {
  let t: TestBot;
  let view: any;
  const checkIns = () => t.bot.db.visitCheckIn.findMany({ orderBy: { id: 'asc' } });
  const actionsOf = (v: any) => v.blocks.find((b: any) => b.block_id === 'visit_check_in').elements.map((e: any) => [e.action_id, e.value]);
  const noteOf = (v: any) => JSON.stringify(v.blocks.find((b: any) => b.block_id === 'visit_check_in_note'));

  async function visitCommand(text: string) {
    const responseUrl = t.slack.responseUrl({ userId: people.am1 });
    await t.driver.command({ command: '/visit', text, userId: people.am1, responseUrl });
    return (await t.slack.waitFor((c) => c.method === 'response_url' && c.responseUrl === responseUrl)).args;
  }

  /** Clicks a check-in button in the open form; resolves with the form as views.update left it. */
  async function clickInForm(actionId: string) {
    const updates = t.slack.callsTo('views.update').length;
    expect((await t.driver.blockAction({ userId: people.am1, actionId, view })).status).toBe(200);
    await until(t, 'the form updated', () => t.slack.callsTo('views.update').length > updates);
    const call = t.slack.callsTo('views.update').at(-1)!;
    expect(call.ok).toBe(true);
    return call.response.view;
  }

  beforeAll(async () => {
    t = await startTestBot({ now: '2026-11-23T15:30:00Z' });
    introducePeople(t.slack);
  });
  afterAll(() => t.stop());

  it('offers Start visit in the form opened from a digest line', async () => {
    // The digest line as the bot renders it: a section with the Log visit button.
    const line = { channel: `D${people.am1}`, ts: '1763900000.000100', blocks: [{ type: 'section', block_id: 'due', text: { type: 'mrkdwn', text: 'C0001' }, accessory: { type: 'button', action_id: visitIds.logFor, value: 'C0001', text: { type: 'plain_text', text: '登记拜访' } } }] };
    await t.driver.blockAction({ userId: people.am1, actionId: visitIds.logFor, message: line, triggerId: 'trigger-log-for', responseUrl: t.slack.responseUrl({ userId: people.am1 }) });
    view = (await t.slack.waitFor((c) => c.method === 'views.open' && c.args.trigger_id === 'trigger-log-for')).response.view;
    expect(actionsOf(view)).toEqual([[visitIds.startVisit, 'C0001']]);
  });

  it('starts the visit at 23:30 from the form; the form shows it and offers End visit', async () => {
    view = await clickInForm(visitIds.startVisit);
    const [row] = await checkIns();
    expect(row).toMatchObject({ customerCode: 'C0001', managerId: people.am1, endedAt: null });
    expect(row!.startedAt.toISOString()).toBe('2026-11-23T15:30:00.000Z');
    expect(actionsOf(view)).toEqual([[visitIds.endVisit, String(row!.id)]]);
    expect(noteOf(view)).toContain('开始拜访');
    // The form's inputs are still there, so what was typed stays.
    expect(view.blocks.some((b: any) => b.type === 'input' && b.block_id === 'summary')).toBe(true);
  });

  it('refuses a second visit while one is under way, and stores nothing', async () => {
    const answer = await visitCommand('start C0002');
    expect(answer.text).toContain('`C0001`');
    expect(await checkIns()).toHaveLength(1);
  });

  it('ends it at 00:45 the next day: 75 minutes across midnight', async () => {
    t.clock.set('2026-11-23T16:45:00Z');
    view = await clickInForm(visitIds.endVisit);
    const [row] = await checkIns();
    expect(row!.endedAt?.toISOString()).toBe('2026-11-23T16:45:00.000Z');
    expect(noteOf(view)).toContain('共 75 分钟');
    expect(actionsOf(view)).toEqual([[visitIds.startVisit, 'C0001']]);
    expect((await visitCommand('end')).text).toContain('没有进行中的拜访');
  });

  it('checks in and out with /visit start and /visit end; the start answer carries End visit', async () => {
    t.clock.set('2026-11-30T15:50:00Z'); // 23:50 on the 30th in Beijing
    const started = await visitCommand('start 周文华');
    expect(JSON.stringify(started.blocks)).toContain(visitIds.endVisit);
    t.clock.set('2026-11-30T16:20:00Z'); // 00:20 on 1 December
    expect((await visitCommand('end')).text).toContain('共 30 分钟');
  });

  it('reports visit time per manager by the month each visit started', async () => {
    t.clock.set('2026-12-01T02:00:00Z');
    const report = await buildMonthlyReport(t.bot.ctx, { regionCode: 'BJ', month: '2026-11', timeZone: 'Asia/Shanghai' });
    expect(report.visitTime).toEqual([{ managerId: people.am1, name: '王晓梅', minutes: 105, visits: 2 }]);
    expect(JSON.stringify(monthlyReportMessage('en', report).blocks)).toContain('王晓梅: 105 minutes in 2 visits');
    const december = await buildMonthlyReport(t.bot.ctx, { regionCode: 'BJ', month: '2026-12', timeZone: 'Asia/Shanghai' });
    expect(december.visitTime).toEqual([]);
    t.slack.assertNoRejections();
  });

  it('starts a visit from the digest’s Start visit row and ends it from the private answer', async () => {
    // The digest's row under a section: one numbered Start visit per customer listed.
    const row = { channel: `D${people.am1}`, ts: '1764554400.000200', blocks: [{ type: 'actions', block_id: 'start_visit.digest.section.overdue', elements: [
      { type: 'button', action_id: `${visitIds.startVisit}.1`, value: 'C0001', text: { type: 'plain_text', text: '开始拜访 · C0001' } },
      { type: 'button', action_id: `${visitIds.startVisit}.2`, value: 'C0002', text: { type: 'plain_text', text: '开始拜访 · C0002' } },
    ] }] };
    const responseUrl = t.slack.responseUrl({ userId: people.am1 });
    await t.driver.blockAction({ userId: people.am1, actionId: `${visitIds.startVisit}.2`, message: row, responseUrl });
    const started = (await t.slack.waitFor((c) => c.method === 'response_url' && c.responseUrl === responseUrl)).args;
    expect(started.text).toContain('C0002');
    const open = (await checkIns()).at(-1)!;
    expect(open).toMatchObject({ customerCode: 'C0002', endedAt: null });
    t.clock.set('2026-12-01T02:40:00Z');
    const endUrl = t.slack.responseUrl({ userId: people.am1 });
    await t.driver.blockAction({ userId: people.am1, actionId: visitIds.endVisit, message: { channel: `D${people.am1}`, ts: '1764554400.000300', blocks: started.blocks }, responseUrl: endUrl });
    const ended = (await t.slack.waitFor((c) => c.method === 'response_url' && c.responseUrl === endUrl)).args;
    expect(ended.text).toContain('共 40 分钟');
    // A late second click on End visit changes nothing.
    const again = t.slack.responseUrl({ userId: people.am1 });
    await t.driver.blockAction({ userId: people.am1, actionId: visitIds.endVisit, message: { channel: `D${people.am1}`, ts: '1764554400.000300', blocks: started.blocks }, responseUrl: again });
    expect((await t.slack.waitFor((c) => c.method === 'response_url' && c.responseUrl === again)).args.text).toContain('已结束');
    expect((await checkIns()).at(-1)!.endedAt?.toISOString()).toBe('2026-12-01T02:40:00.000Z');
  });
});

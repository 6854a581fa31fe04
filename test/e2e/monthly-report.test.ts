// The monthly report end to end: posted on the 1st at 09:00 (Asia/Shanghai) to each
// region's supervisors' channel with its chart and CSV — once per region and month, with
// two sweeps at once, across a restart, and when a lost timer fires again — and on demand
// with `/am report` for supervisors and admins (others are refused politely).
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scheduleMissingReportTimers } from '../../src/domain/reports/report-timers.ts';
import { sweepDueTimers } from '../../src/jobs/sweep-due-timers.ts';
import { timerHandlers } from '../../src/jobs/timer-handlers.ts';
import { postMonthlyReportOnce } from '../../src/slack/reports/post-monthly-report.ts';
import { decodePng, inkShare, solidColours } from '../support/png-pixels.ts';
import { seedOctoberActivity } from '../support/report-fixtures.ts';
import { restartTestBot } from '../support/restart-test-bot.ts';
import { startTestBot, type TestBot } from '../support/test-bot.ts';

let t: TestBot;
const supervisorChannels = ['C0DEMOBJSUP', 'C0DEMOSHSUP', 'C0DEMOGZSUP'];

function sweep(owner?: string) {
  return sweepDueTimers({ db: t.bot.db, handlers: timerHandlers(t.bot.ctx), logger: t.bot.ctx.logger, now: t.clock.now(), owner });
}
const reportPostsIn = (channel: string) => t.slack.callsTo('chat.postMessage').filter((c) => c.ok && c.args.channel === channel && JSON.stringify(c.args.blocks).includes('服务维系月分析报告'));
const filesIn = (channel: string) => t.slack.files().filter((f) => f.channel_id === channel);

async function command(userId: string, text: string) {
  const responseUrl = t.slack.responseUrl();
  expect((await t.driver.command({ command: '/am', text, userId, responseUrl })).status).toBe(200);
  const answer = await t.slack.waitFor((c) => c.method === 'response_url' && c.responseUrl === responseUrl, 20_000);
  t.slack.assertNoRejections();
  return answer.args;
}

beforeAll(async () => {
  t = await startTestBot({ now: '2026-10-20T02:00:00Z' });
  for (const id of ['U0DEMOSUP1', 'U0DEMOAM1', 'U0ADMIN']) t.slack.setUser(id, { locale: 'zh-CN', tz: 'Asia/Shanghai' });
  await seedOctoberActivity(t.bot.db);
  await scheduleMissingReportTimers(t.bot.db, { now: t.clock.now(), time: '09:00', timeZone: 'Asia/Shanghai' });
});
afterAll(() => t.stop());

describe('the monthly post', () => {
  it('waits for the 1st at 09:00 in Beijing', async () => {
    const timers = await t.bot.db.timer.findMany({ where: { kind: 'report.monthly' }, orderBy: { subjectId: 'asc' } });
    expect(timers.map((x) => [x.subjectId, x.dueAt?.toISOString()])).toEqual([
      ['BJ', '2026-11-01T01:00:00.000Z'],
      ['GZ', '2026-11-01T01:00:00.000Z'],
      ['SH', '2026-11-01T01:00:00.000Z'],
    ]);
    t.clock.set('2026-11-01T00:59:59Z');
    expect(await sweep()).toEqual({ fired: 0, failed: 0 });
  });

  it('posts October to every region once, with the chart and the CSV in its thread, even with two sweeps at once', async () => {
    t.clock.set('2026-11-01T01:00:05Z');
    const results = await Promise.all([sweep('sweeper-a'), sweep('sweeper-b')]);
    expect(results.reduce((n, r) => n + r.fired, 0)).toBe(3);
    for (const channel of supervisorChannels) expect(reportPostsIn(channel)).toHaveLength(1);
    t.slack.assertNoRejections();

    const beijing = reportPostsIn('C0DEMOBJSUP')[0]!;
    const shown = JSON.stringify(beijing.args.blocks);
    expect(shown).toContain('服务维系月分析报告 · 北京 · 2026-10');
    expect(shown).toContain('王晓梅：走访 3 次');
    expect(shown).toContain('*离网率* 25.0%');
    const files = filesIn('C0DEMOBJSUP');
    expect(files.map((f) => f.filename).sort()).toEqual(['report-BJ-2026-10.csv', 'report-BJ-2026-10.png']);
    expect(files.every((f) => f.thread_ts === beijing.response.ts)).toBe(true);

    const png = decodePng(files.find((f) => f.filename.endsWith('.png'))!.content!);
    expect([png.width, png.height]).toEqual([960, 540]);
    expect(inkShare(png)).toBeGreaterThan(0.03);
    expect(solidColours(png, 2000).length).toBeGreaterThanOrEqual(2); // on-site and phone bars at least
    const csv: string[][] = parse(files.find((f) => f.filename.endsWith('.csv'))!.content!, { bom: true });
    expect(csv).toContainEqual(['客户经理走访', '王晓梅', '走访次数', '3']);
    expect(csv).toContainEqual(['客户挽留与流失', '北京', '离网率（%）', '25']);

    const rows = await t.bot.db.monthlyReportPost.findMany({ orderBy: { regionCode: 'asc' } });
    expect(rows.map((r) => [r.regionCode, r.month, r.outcome])).toEqual([
      ['BJ', '2026-10', 'sent'],
      ['GZ', '2026-10', 'sent'],
      ['SH', '2026-10', 'sent'],
    ]);
    const next = await t.bot.db.timer.findFirstOrThrow({ where: { kind: 'report.monthly', subjectId: 'BJ' } });
    expect(next.dueAt?.toISOString()).toBe('2026-12-01T01:00:00.000Z');
  });

  it('is not posted again after a restart, even when a lost timer fires once more', async () => {
    await restartTestBot(t);
    t.clock.set('2026-11-01T03:00:00Z');
    await t.bot.db.timer.updateMany({ where: { kind: 'report.monthly' }, data: { dueAt: new Date('2026-11-01T02:00:00Z') } });
    expect((await sweep()).fired).toBe(3);
    for (const channel of supervisorChannels) expect(reportPostsIn(channel)).toHaveLength(1);

    // And two senders racing for the same region and month: one sends, the other finds it taken.
    const key = { regionCode: 'BJ', month: '2026-09', channel: 'C0DEMOBJSUP' };
    const outcomes = await Promise.all([postMonthlyReportOnce(t.bot.ctx, key, t.clock.now()), postMonthlyReportOnce(t.bot.ctx, key, t.clock.now())]);
    expect(outcomes.sort()).toEqual(['already_taken', 'sent']);
  });

  it('finishes a post that stopped half-way (message out, files not) instead of repeating it', async () => {
    // As a passing failure after the message leaves it: claim given back, message stamped.
    const posted = await t.bot.ctx.sender.postMessage({ channel: 'C0DEMOSHSUP', text: 'report 2026-08 (message only)' });
    await t.bot.db.monthlyReportPost.create({
      data: { regionCode: 'SH', month: '2026-08', outcome: 'retry', claimedAt: t.clock.now(), channelId: posted.channel, messageTs: posted.ts },
    });
    const postsBefore = t.slack.callsTo('chat.postMessage').length;
    expect(await postMonthlyReportOnce(t.bot.ctx, { regionCode: 'SH', month: '2026-08', channel: 'C0DEMOSHSUP' }, t.clock.now())).toBe('sent');
    expect(t.slack.callsTo('chat.postMessage')).toHaveLength(postsBefore);
    const files = filesIn('C0DEMOSHSUP').filter((f) => f.filename.includes('2026-08'));
    expect(files.map((f) => f.thread_ts)).toEqual([posted.ts, posted.ts]);
  });
});

describe('/am report', () => {
  it('gives a supervisor their region’s last complete month, with the chart and CSV in a DM', async () => {
    t.clock.set('2026-11-05T02:00:00Z');
    const before = t.slack.files().length;
    const answer = await command('U0DEMOSUP1', 'report');
    expect(answer.response_type).toBe('ephemeral');
    const shown = JSON.stringify(answer.blocks);
    expect(shown).toContain('北京 · 2026-10');
    expect(shown).toContain('收到受理单 3 件');
    const dmFiles = t.slack.files().slice(before);
    expect(dmFiles.map((f) => [f.channel_id, f.filename]).sort()).toEqual([
      ['DU0DEMOSUP1', 'report-BJ-2026-10.csv'],
      ['DU0DEMOSUP1', 'report-BJ-2026-10.png'],
    ]);
  });

  it('lets an admin choose any region and month, the current one so far', async () => {
    const answer = await command('U0ADMIN', 'report 2026-11 SH');
    expect(JSON.stringify(answer.blocks)).toContain('上海 · 2026-11');
    expect(JSON.stringify(answer.blocks)).toContain('月初至今');
  });

  it('refuses politely: other roles, another region, a month not begun, a month it cannot read', async () => {
    expect((await command('U0DEMOAM1', 'report')).text).toContain('供主管和管理员查阅');
    expect((await command('U0DEMOSUP1', 'report 2026-10 SH')).text).toContain('本区域（北京）');
    expect((await command('U0DEMOSUP1', 'report 2026-12')).text).toContain('还没有开始');
    expect((await command('U0DEMOSUP1', 'report 2026-13')).text).toContain('无法识别月份');
    expect((await command('U0ADMIN', 'report')).text).toContain('请注明区域');
  });
});

// The daily digest and the weekly summary at fixed clocks: the right people, the right
// lines, at 09:00 in each person's own time zone (Asia/Shanghai and Europe/Berlin),
// only on working days, and never twice a day — across a restart and with two bots
// sweeping the same database at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from '../../src/app.ts';
import { logVisit } from '../../src/domain/visits/log-visit.ts';
import { scheduleMissingReminderTimers } from '../../src/domain/visits/reminder-timers.ts';
import { sweepDueTimers } from '../../src/jobs/sweep-due-timers.ts';
import { timerHandlers } from '../../src/jobs/timer-handlers.ts';
import { startTestBot, type TestBot } from '../support/test-bot.ts';
import { testConfig } from '../support/test-config.ts';

let t: TestBot;
const extraBots: RunningBot[] = [];

async function log(actorId: string, customerCode: string, at: string, extra: Record<string, unknown> = {}) {
  t.clock.set(at);
  await logVisit(t.bot.ctx, {
    actorId,
    fields: { customerCode, kind: 'phone', occurredAt: new Date(at), summary: 'Routine call', ...extra },
    timeZone: 'Asia/Shanghai',
    source: 'quick',
    policy: t.bot.ctx.config.visits.policy,
  });
}

/** Another bot process on the same database and the same fake Slack. */
async function anotherBot(env: Record<string, string> = {}): Promise<RunningBot> {
  const bot = await startBot({ config: testConfig({ databaseUrl: t.databaseUrl, slackApiUrl: t.slack.apiUrl, env }), clock: t.clock, startJobs: false });
  extraBots.push(bot);
  return bot;
}

function sweep(at: string, bot: RunningBot = t.bot, owner?: string) {
  t.clock.set(at);
  return sweepDueTimers({ db: bot.db, handlers: timerHandlers(bot.ctx), logger: bot.ctx.logger, now: t.clock.now(), owner });
}

function scheduleTimers(at: string, bot: RunningBot = t.bot) {
  t.clock.set(at);
  return scheduleMissingReminderTimers(bot.db, { now: t.clock.now(), settings: bot.ctx.config.visits, defaultTimeZone: bot.ctx.config.timezone });
}

/** Every DM the bot sent this user, oldest first. */
const dmsTo = (userId: string) => t.slack.callsTo('chat.postMessage').filter((c) => c.ok && c.args.channel === `D${userId}`);
const lines = (message: any) => message.args.blocks.filter((b: any) => b.accessory?.action_id === 'visit.log_for').map((b: any) => b.accessory.value);
const sectionOf = (message: any, title: string) => {
  const blocks = message.args.blocks;
  const start = blocks.findIndex((b: any) => b.type === 'section' && b.text.text.includes(title));
  if (start < 0) return [];
  const end = blocks.findIndex((b: any, i: number) => i > start && !b.accessory);
  return blocks.slice(start + 1, end < 0 ? undefined : end).map((b: any) => b.accessory.value);
};

beforeAll(async () => {
  t = await startTestBot({ now: '2026-11-01T02:00:00Z' });
  t.slack.setUser('U0DEMOAM1', { locale: 'zh-CN', tz: 'Asia/Shanghai' });
  t.slack.setUser('U0DEMOAM2', { locale: 'zh-CN', tz: 'Asia/Shanghai' });
  t.slack.setUser('U0DEMOAM3', { locale: 'en-US', tz: 'Europe/Berlin' });
  t.slack.setUser('U0DEMOSUP1', { locale: 'en-US', tz: 'Asia/Shanghai' });
  t.slack.setUser('U0DEMOAM4', { locale: 'zh-CN', tz: 'Asia/Shanghai' });
  const db = t.bot.db;
  // Chen Jing works from Berlin; a fourth manager has no customers at all.
  await db.staff.update({ where: { slackUserId: 'U0DEMOAM3' }, data: { timezone: 'Europe/Berlin' } });
  await db.staff.create({ data: { slackUserId: 'U0DEMOAM4', name: '新经理', role: 'account_manager', regionCode: 'GZ', timezone: 'Asia/Shanghai' } });
  // A customer who joined on 10 November and has had no callback: 6 days late on the 23rd.
  await db.customer.create({
    data: { code: 'C0010', name: '张三贸易有限公司', kind: 'vip', cardTier: 'gold', regionCode: 'BJ', accountManagerId: 'U0DEMOAM2', phone: '13900000010', joinedOn: new Date('2026-11-10') },
  });
  // The directory was loaded on 1 October: never-contacted customers are due a cadence
  // after that (diamond and AAA: 15 October; A: 15 November; gold: 31 October; silver: 30 November).
  await db.customer.updateMany({ data: { createdAt: new Date('2026-10-01T00:00:00Z') } });
  // C0001 (AAA): called on 9 November, with a follow-up promised for the 23rd → due on Monday the 23rd.
  await log('U0DEMOAM1', 'C0001', '2026-11-09T02:00:00Z', { nextFollowUpOn: '2026-11-23' });
  // C0002 (AA): called on 20 November → next due 20 December, not in the digest.
  await log('U0DEMOAM1', 'C0002', '2026-11-20T02:00:00Z');
  // C0007 (standard): visited on 24 September → 60 days → due on the 23rd.
  await log('U0DEMOAM3', 'C0007', '2026-09-24T02:00:00Z');
});
afterAll(async () => {
  for (const bot of extraBots) await bot.stop().catch(() => {});
  await t.stop();
});

describe('the daily digest', () => {
  it('gives every account manager a timer for 09:00 on the next working day in their own time zone', async () => {
    // Sunday 22 November, 20:00 in Shanghai.
    await scheduleTimers('2026-11-22T12:00:00Z');
    const timers = await t.bot.db.timer.findMany({ where: { kind: 'visit.digest' }, orderBy: { subjectId: 'asc' } });
    expect(timers.map((x) => [x.subjectId, x.dueAt?.toISOString()])).toEqual([
      ['U0DEMOAM1', '2026-11-23T01:00:00.000Z'],
      ['U0DEMOAM2', '2026-11-23T01:00:00.000Z'],
      ['U0DEMOAM3', '2026-11-23T08:00:00.000Z'], // 09:00 in Berlin (UTC+1)
      ['U0DEMOAM4', '2026-11-23T01:00:00.000Z'],
    ]);
    // Running it again (or in a second process) adds nothing.
    expect(await scheduleTimers('2026-11-22T12:05:00Z')).toEqual({ scheduled: 0 });
  });

  it('sends nothing before 09:00', async () => {
    await sweep('2026-11-23T00:59:59Z');
    expect(t.slack.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('at 09:00 in Shanghai, DMs the Shanghai managers who have something due, with the right lines', async () => {
    await sweep('2026-11-23T01:00:00Z');
    t.slack.assertNoRejections();

    const [am1] = dmsTo('U0DEMOAM1');
    expect(am1!.args.text).toContain('2026-11-23');
    expect(sectionOf(am1, '今日到期')).toEqual(['C0001']);
    expect(JSON.stringify(am1!.args.blocks)).toContain('您约定的回访');
    // C0004 (diamond, never contacted) is long overdue; C0002 was called on the 20th.
    expect(sectionOf(am1, '已逾期')).toEqual(['C0004']);
    expect(lines(am1)).not.toContain('C0002');
    // C0004's birthday (1 December) is eight days away: not in the coming week.
    expect(sectionOf(am1, '近一周生日')).toEqual([]);
    expect(JSON.stringify(am1!.args.blocks)).toContain('建议致电时段：09:00-10:00、11:00-12:00、17:00-18:00');

    const [am2] = dmsTo('U0DEMOAM2');
    // New customers: C0010 is 6 days late, C0005 (joined 18 November) has 2 days left.
    expect(sectionOf(am2, '待首次回访的新客户')).toEqual(['C0010', 'C0005']);
    expect(JSON.stringify(am2!.args.blocks)).toContain('已超期 6 天');
    expect(JSON.stringify(am2!.args.blocks)).toContain('还剩 2 天');
    expect(sectionOf(am2, '已逾期')).toEqual(['C0003']);
    expect(sectionOf(am2, '近一周生日')).toEqual(['C0005']); // 28 November

    // Berlin is still at 02:00.
    expect(dmsTo('U0DEMOAM3')).toHaveLength(0);
    // The manager with nothing due hears so, in one line, and can tell it from silence.
    const [am4] = dmsTo('U0DEMOAM4');
    expect(am4!.args.text).toBe('✅ 2026-11-23 没有需要跟进的客户：无到期或逾期的回访，无待首次回访的新客户，近一周也没有客户生日。');
    expect(am4!.args.blocks).toBeUndefined();
    expect(await t.bot.db.visitReminder.findFirst({ where: { recipientId: 'U0DEMOAM4' } })).toMatchObject({ outcome: 'sent', lineCount: 0 });
  });

  it('at 09:00 in Berlin, DMs the Berlin manager in English', async () => {
    await sweep('2026-11-23T07:59:00Z');
    expect(dmsTo('U0DEMOAM3')).toHaveLength(0);
    await sweep('2026-11-23T08:00:00Z');
    const [am3] = dmsTo('U0DEMOAM3');
    expect(am3!.args.text).toBe('Good morning! Your follow-ups for 2026-11-23: 2 items.');
    expect(sectionOf(am3, 'Due today')).toEqual(['C0007']);
    // C0006 (AAA) is due every 14 days since the directory was loaded; C0008 (silver) not before 30 November.
    expect(sectionOf(am3, 'Overdue')).toEqual(['C0006']);
  });

  it('opens the form for that customer from a line’s button', async () => {
    const [am1] = dmsTo('U0DEMOAM1');
    await t.driver.blockAction({ userId: 'U0DEMOAM1', actionId: 'visit.log_for', value: 'C0001', message: am1!.args, responseUrl: t.slack.responseUrl() });
    await t.slack.waitFor((c) => c.method === 'views.open');
    const customer = t.slack.openViews().at(-1)!.blocks.find((b: any) => b.block_id === 'customer');
    expect(customer.element.initial_option.value).toBe('C0001');
  });

  it('sends each manager one digest that day, however often the sweep runs, and moves each timer to tomorrow', async () => {
    await sweep('2026-11-23T09:00:00Z');
    await sweep('2026-11-23T15:00:00Z');
    for (const manager of ['U0DEMOAM1', 'U0DEMOAM2', 'U0DEMOAM3']) expect(dmsTo(manager)).toHaveLength(1);
    const timers = await t.bot.db.timer.findMany({ where: { kind: 'visit.digest' }, orderBy: { subjectId: 'asc' } });
    expect(timers.map((x) => x.dueAt?.toISOString())).toEqual([
      '2026-11-24T01:00:00.000Z',
      '2026-11-24T01:00:00.000Z',
      '2026-11-24T08:00:00.000Z',
      '2026-11-24T01:00:00.000Z',
    ]);
  });
});

describe('the weekly summary', () => {
  it('reaches each supervisor on Monday at 09:00 with their region’s week', async () => {
    const [sup1] = dmsTo('U0DEMOSUP1');
    const text = JSON.stringify(sup1!.args.blocks);
    expect(sup1!.args.text).toBe('Weekly visit summary for 北京 (BJ), 2026-11-16 – 2026-11-22.');
    // Wang Xiaomei called C0002 on the 20th; the call on the 9th was in an earlier week.
    expect(text).toContain('<@U0DEMOAM1>: 1 visit · 1 overdue follow-up');
    expect(text).toContain('<@U0DEMOAM2>: 0 visits · 2 overdue follow-ups');
    expect(text).toContain('张三贸易有限公司 (C0010) — <@U0DEMOAM2>, joined 2026-11-10, 6 days late');
    expect(text).not.toContain('C0005'); // still within its 7 days
    expect(dmsTo('U0DEMOSUP2')).toHaveLength(1);
    expect(JSON.stringify(dmsTo('U0DEMOSUP2')[0]!.args.blocks)).toContain('上海');
    expect((await t.bot.db.timer.findFirstOrThrow({ where: { kind: 'visit.weekly_summary', subjectId: 'U0DEMOSUP1' } })).dueAt).toEqual(new Date('2026-11-30T01:00:00Z'));
  });
});

describe('once a day, whatever happens', () => {
  it('does not send again after a restart, even if the first bot died before moving the timer on', async () => {
    // Tuesday: the first bot sends, then "dies" before settling: the timer is still due.
    await sweep('2026-11-24T01:00:00Z');
    expect(dmsTo('U0DEMOAM1')).toHaveLength(2);
    await t.bot.db.timer.updateMany({ where: { kind: 'visit.digest', subjectId: 'U0DEMOAM1' }, data: { dueAt: new Date('2026-11-24T01:00:00Z'), leaseUntil: null, leaseOwner: null } });

    const restarted = await anotherBot();
    await scheduleTimers('2026-11-24T01:03:00Z', restarted);
    await sweep('2026-11-24T01:03:00Z', restarted);
    expect(dmsTo('U0DEMOAM1')).toHaveLength(2);
    expect((await restarted.db.timer.findFirstOrThrow({ where: { kind: 'visit.digest', subjectId: 'U0DEMOAM1' } })).dueAt).toEqual(new Date('2026-11-25T01:00:00Z'));
  });

  it('sends exactly one digest per manager when two bots sweep at the same moment', async () => {
    const [a, b] = [await anotherBot(), await anotherBot()];
    const due = await t.bot.db.timer.count({ where: { dueAt: { lte: new Date('2026-11-25T01:00:00Z') } } });
    const results = await Promise.all([sweep('2026-11-25T01:00:00Z', a, 'bot-a'), sweep('2026-11-25T01:00:00Z', b, 'bot-b')]);
    // Each due timer fired by exactly one of them (Berlin's, overdue since yesterday, fires
    // too: it is 02:00 there, so it only moves on to 09:00).
    expect(results.reduce((sum, r) => sum + r.fired, 0)).toBe(due);
    expect(due).toBe(4);
    for (const manager of ['U0DEMOAM1', 'U0DEMOAM2']) expect(dmsTo(manager)).toHaveLength(3);
  });

  it('sends exactly one even when two handlers fire the same timer at once (an expired lease)', async () => {
    const [a, b] = [timerHandlers(extraBots[1]!.ctx)['visit.digest']!, timerHandlers(extraBots[2]!.ctx)['visit.digest']!];
    const timer = { id: 0n, kind: 'visit.digest', subjectId: 'U0DEMOAM2', dueAt: new Date('2026-11-26T01:00:00Z'), firedAt: null, version: 0, attempts: 0 };
    t.clock.set('2026-11-26T01:00:00Z');
    const now = t.clock.now();
    const next = await Promise.all([a(timer, now), b(timer, now), a(timer, now), b(timer, now)]);
    expect(next.every((d) => d?.toISOString() === '2026-11-27T01:00:00.000Z')).toBe(true);
    expect(dmsTo('U0DEMOAM2')).toHaveLength(4);
    expect(await t.bot.db.visitReminder.count({ where: { recipientId: 'U0DEMOAM2', kind: 'digest' } })).toBe(4);
  });
});

describe('working days', () => {
  it('skips Saturday and Sunday: Friday’s digest, then Monday’s', async () => {
    await sweep('2026-11-27T01:00:00Z'); // Friday
    const friday = dmsTo('U0DEMOAM1').length;
    // Even a timer that is due on Saturday (say, from an old schedule) sends nothing.
    await t.bot.db.timer.updateMany({ where: { kind: 'visit.digest', subjectId: 'U0DEMOAM1' }, data: { dueAt: new Date('2026-11-28T01:00:00Z') } });
    await sweep('2026-11-28T01:00:00Z');
    await sweep('2026-11-29T01:00:00Z');
    expect(dmsTo('U0DEMOAM1')).toHaveLength(friday);
    expect((await t.bot.db.timer.findFirstOrThrow({ where: { kind: 'visit.digest', subjectId: 'U0DEMOAM1' } })).dueAt).toEqual(new Date('2026-11-30T01:00:00Z'));
    await sweep('2026-11-30T01:00:00Z'); // Monday
    expect(dmsTo('U0DEMOAM1')).toHaveLength(friday + 1);
  });

  it('sends on Saturday when VISIT_WORKING_DAYS includes it', async () => {
    const sixDays = await anotherBot({ VISIT_WORKING_DAYS: 'mon,tue,wed,thu,fri,sat' });
    await t.bot.db.timer.updateMany({ where: { kind: 'visit.digest', subjectId: 'U0DEMOAM1' }, data: { dueAt: new Date('2026-12-04T01:00:00Z') } });
    await sweep('2026-12-04T01:00:00Z', sixDays); // Friday
    const before = dmsTo('U0DEMOAM1').length;
    expect((await t.bot.db.timer.findFirstOrThrow({ where: { kind: 'visit.digest', subjectId: 'U0DEMOAM1' } })).dueAt).toEqual(new Date('2026-12-05T01:00:00Z'));
    await sweep('2026-12-05T01:00:00Z', sixDays); // Saturday
    expect(dmsTo('U0DEMOAM1')).toHaveLength(before + 1);
  });
});

describe('a long digest', () => {
  it('stays within Slack’s 50 blocks: nine lines a section and a count of the rest', async () => {
    await t.bot.db.staff.create({ data: { slackUserId: 'U0DEMOAM5', name: '忙碌经理', role: 'account_manager', regionCode: 'GZ', timezone: 'Asia/Shanghai' } });
    await t.bot.db.customer.createMany({
      data: Array.from({ length: 25 }, (_, i) => ({
        code: `C1${String(i).padStart(3, '0')}`,
        name: `测试客户${i}`,
        kind: 'group' as const,
        serviceLevel: 'A' as const,
        regionCode: 'GZ',
        accountManagerId: 'U0DEMOAM5',
        joinedOn: new Date('2020-01-01'),
        createdAt: new Date('2026-06-01T00:00:00Z'),
      })),
    });
    await scheduleTimers('2026-12-05T12:00:00Z'); // Saturday
    await sweep('2026-12-07T01:00:00Z'); // Monday 09:00 in Shanghai
    t.slack.assertNoRejections();
    const [digest] = dmsTo('U0DEMOAM5');
    expect(digest!.args.blocks.length).toBeLessThanOrEqual(50);
    expect(lines(digest)).toHaveLength(9);
    expect(JSON.stringify(digest!.args.blocks)).toContain('另有 16 项');
    expect(digest!.args.text).toContain('25');
  });
});

describe('a day with nothing due', () => {
  it('sends no all-clear with VISIT_DIGEST_ALL_CLEAR=no', async () => {
    const visits = { ...t.bot.ctx.config.visits, digestAllClear: false };
    const quiet = timerHandlers({ ...t.bot.ctx, config: { ...t.bot.ctx.config, visits } })['visit.digest']!;
    const timer = { id: 0n, kind: 'visit.digest', subjectId: 'U0DEMOAM4', dueAt: new Date('2026-12-08T01:00:00Z'), firedAt: null, version: 0, attempts: 0 };
    const before = dmsTo('U0DEMOAM4').length;
    t.clock.set('2026-12-08T01:00:00Z'); // Tuesday
    await quiet(timer, t.clock.now());
    expect(dmsTo('U0DEMOAM4')).toHaveLength(before);
    expect(await t.bot.db.visitReminder.findFirst({ where: { recipientId: 'U0DEMOAM4', localDate: new Date('2026-12-08') } })).toMatchObject({ outcome: 'nothing_to_send' });
  });
});

describe('a bot started around the digest time', () => {
  // The timers of new managers are set by the job that runs every five minutes (at :00, :05 …).
  const dueOf = async (id: string) => (await t.bot.db.timer.findFirstOrThrow({ where: { kind: 'visit.digest', subjectId: id } })).dueAt?.toISOString();

  it('sends today’s digest when its first run is at 09:00 sharp, or a few minutes after, unless it was sent already', async () => {
    for (const id of ['U0DEMOAM6', 'U0DEMOAM7']) {
      await t.bot.db.staff.create({ data: { slackUserId: id, name: id, role: 'account_manager', regionCode: 'GZ', timezone: 'Asia/Shanghai' } });
      t.slack.setUser(id, { locale: 'en-US', tz: 'Asia/Shanghai' });
    }
    // Wednesday 9 December. Started at 08:58: the job first runs at 09:00:00.
    await t.bot.db.staff.update({ where: { slackUserId: 'U0DEMOAM7' }, data: { active: false } });
    expect(await scheduleTimers('2026-12-09T01:00:00Z')).toEqual({ scheduled: 1 });
    expect(await dueOf('U0DEMOAM6')).toBe('2026-12-09T01:00:00.000Z');
    await sweep('2026-12-09T01:00:05Z');
    expect(dmsTo('U0DEMOAM6').map((m) => m.args.text)).toEqual(['✅ All clear for 2026-12-09: no follow-ups due or overdue, no new customers waiting for a first callback, no birthdays in the coming week.']);

    // Started at 09:03: the job first runs at 09:05, and today's digest is still owed.
    await t.bot.db.staff.update({ where: { slackUserId: 'U0DEMOAM7' }, data: { active: true } });
    expect(await scheduleTimers('2026-12-09T01:05:00Z')).toEqual({ scheduled: 1 });
    expect(await dueOf('U0DEMOAM7')).toBe('2026-12-09T01:05:00.000Z');
    await sweep('2026-12-09T01:05:05Z');
    expect(dmsTo('U0DEMOAM7')).toHaveLength(1);

    // A timer lost after today's digest went out: the next one is tomorrow's.
    await t.bot.db.timer.updateMany({ where: { kind: 'visit.digest', subjectId: 'U0DEMOAM6' }, data: { dueAt: null } });
    expect(await scheduleTimers('2026-12-09T01:10:00Z')).toEqual({ scheduled: 1 });
    expect(await dueOf('U0DEMOAM6')).toBe('2026-12-10T01:00:00.000Z');
    await sweep('2026-12-09T01:10:05Z');
    expect(dmsTo('U0DEMOAM6')).toHaveLength(1);
  });
});

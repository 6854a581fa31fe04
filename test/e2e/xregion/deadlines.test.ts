// Reply deadlines through the durable timers, at exact instants of an injected clock:
// the reminder an hour before (to the home region's channel while nobody has accepted,
// to the handler once someone has), the breach at the deadline (plus the home region's
// supervisors), each sent once — also across a restart of the bot on the same database,
// and as one catch-up message when the bot slept through both.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from '../../../src/app.ts';
import { sweepDueTimers } from '../../../src/jobs/sweep-due-timers.ts';
import { timerHandlers } from '../../../src/jobs/timer-handlers.ts';
import { startFakeSlack } from '../../../src/sandbox/slack-stand-in/server.ts';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';
import { createSlackDriver } from '../../../src/sandbox/slack-stand-in/slack-requests.ts';
import type { TestBot } from '../../support/test-bot.ts';
import { testClock } from '../../support/test-clock.ts';
import { testConfig, testSigningSecret } from '../../support/test-config.ts';
import { clickButton, eventually, ids, openAcceptanceForm, privateAnswer, replyState, submitAcceptance, text, waitForRequestMessage } from './steps.ts';

let t: TestBot;
let database: TestDatabase;

async function bootBot(): Promise<RunningBot> {
  const config = testConfig({ databaseUrl: database.url, slackApiUrl: t.slack.apiUrl });
  const bot = await startBot({ config, clock: t.clock, startJobs: false });
  Object.assign(t, { bot, baseUrl: `http://127.0.0.1:${bot.port}`, driver: createSlackDriver({ baseUrl: `http://127.0.0.1:${bot.port}`, signingSecret: testSigningSecret }) });
  return bot;
}

/** A new bot process on the same database: nothing survives but what Postgres holds. */
async function restartBot(): Promise<void> {
  await t.bot.stop();
  await bootBot();
}

beforeEach(async () => {
  database = await createTestDatabase();
  const slack = await startFakeSlack();
  t = { slack, clock: testClock('2026-11-23T02:00:00Z'), databaseUrl: database.url } as TestBot;
  await bootBot();
  t.stop = async () => {
    await t.bot.stop();
    await slack.close();
    await database.drop();
  };
  slack.setUser('U0DEMOAM3', { locale: 'zh-CN', tz: 'Asia/Shanghai', name: 'Chen Jing' });
  slack.setUser('U0DEMOAM2', { locale: 'zh-CN', tz: 'Asia/Shanghai', name: '李强' });
});
afterEach(() => t.stop());

async function sweepAt(iso: string) {
  t.clock.set(iso);
  const result = await sweepDueTimers({ db: t.bot.db, handlers: timerHandlers(t.bot.ctx), logger: t.bot.ctx.logger, now: t.clock.now() });
  // What a step claimed goes out from the outbox.
  await t.bot.ctx.outbox.idle();
  return result;
}

/** Messages the bot posted that mention the request and start with the ping's mark. */
function pings(mark: '⏰' | '🚨', channel?: string) {
  return t.slack.callsTo('chat.postMessage').filter((c) => c.ok && String(c.args.text).startsWith(mark) && (!channel || c.args.channel === channel));
}

async function openRequest(memberNumber: string) {
  const view = await openAcceptanceForm(t, 'U0DEMOAM3');
  const answer = await submitAcceptance(t, 'U0DEMOAM3', view, { memberNumber, service: 'roaming_activation', description: '会员需开通国际漫游，明日出境。', contactPhone: '13901010002' });
  expect(answer.response_action).toBe('update');
  const request = await t.bot.db.xregionRequest.findFirstOrThrow({ orderBy: { openedAt: 'desc' } });
  const home = await waitForRequestMessage(t, 'C0DEMOBJXRG', request.number);
  await eventually(async () => expect((await t.bot.db.xregionRequest.findUniqueOrThrow({ where: { id: request.id } })).servingMessageTs).not.toBeNull());
  return { request, home };
}

const timerOf = (subjectId: string) => t.bot.db.timer.findUniqueOrThrow({ where: { kind_subjectId: { kind: 'xregion.deadline', subjectId } } });

describe('an unaccepted request (gold member: 8 h to reply, reminder 1 h before)', () => {
  it('pings the home region’s channel at 09:00 sharp and escalates to its supervisors at 10:00 sharp, once each across restarts', async () => {
    const { request } = await openRequest('C0005');
    expect(request.replyDeadline.toISOString()).toBe('2026-11-23T10:00:00.000Z');

    expect(await sweepAt('2026-11-23T08:59:59.999Z')).toEqual({ fired: 0, failed: 0 });
    expect(pings('⏰')).toHaveLength(0);

    expect(await sweepAt('2026-11-23T09:00:00.000Z')).toEqual({ fired: 1, failed: 0 });
    expect(pings('⏰')).toHaveLength(1);
    expect(pings('⏰', 'C0DEMOBJXRG')[0]!.args.text).toContain(`受理单 *${request.number}*（Li Na，漫游/国际业务开通，上海受理）尚无人受理`);
    expect((await timerOf(request.id)).dueAt!.toISOString()).toBe('2026-11-23T10:00:00.000Z');
    await sweepAt('2026-11-23T09:00:00.000Z');
    expect(pings('⏰')).toHaveLength(1);

    // A crash right after Slack took the reminder, before the sweep settled the timer:
    // the new process finds the timer due again, but the request's stamp says "sent".
    await restartBot();
    await t.bot.db.timer.update({ where: { id: (await timerOf(request.id)).id }, data: { dueAt: new Date('2026-11-23T09:00:00Z') } });
    expect(await sweepAt('2026-11-23T09:30:00.000Z')).toEqual({ fired: 1, failed: 0 });
    expect(pings('⏰')).toHaveLength(1);
    expect((await timerOf(request.id)).dueAt!.toISOString()).toBe('2026-11-23T10:00:00.000Z');

    expect(await sweepAt('2026-11-23T09:59:59.999Z')).toEqual({ fired: 0, failed: 0 });
    expect(pings('🚨')).toHaveLength(0);

    expect(await sweepAt('2026-11-23T10:00:00.000Z')).toEqual({ fired: 1, failed: 0 });
    expect(pings('🚨', 'C0DEMOBJXRG')).toHaveLength(1);
    expect(pings('🚨', 'C0DEMOBJXRG')[0]!.args.text).toContain('至今无人受理');
    expect(pings('🚨', 'C0DEMOBJSUP')).toHaveLength(1);
    expect(pings('🚨', 'C0DEMOBJSUP')[0]!.args.text).toContain(`跨区服务受理单 *${request.number}*（上海受理）已超过回复时限`);
    expect(pings('🚨', 'C0DEMOBJSUP')[0]!.args.text).toContain('金卡');
    expect(pings('🚨')).toHaveLength(2);
    expect((await timerOf(request.id)).dueAt).toBeNull();
    await eventually(async () => expect(JSON.stringify(t.slack.messageIn('C0DEMOSHXRG', (m) => !m.thread_ts)?.blocks)).toContain('已超过回复时限'));

    await restartBot();
    await sweepAt('2026-11-23T10:00:00.000Z');
    await sweepAt('2026-11-24T10:00:00.000Z');
    expect(pings('🚨')).toHaveLength(2);
    expect(pings('⏰')).toHaveLength(1);
    t.slack.assertNoRejections();
  });
});

describe('an accepted request (diamond member: 4 h)', () => {
  it('reminds the handler directly and names them to the supervisors at breach', async () => {
    const { request, home } = await openRequest('C0004');
    t.clock.set('2026-11-23T02:10:00Z');
    await privateAnswer(t, await clickButton(t, 'U0DEMOAM2', ids.accept, home));

    await sweepAt('2026-11-23T05:00:00.000Z');
    expect(pings('⏰')).toHaveLength(1);
    expect(pings('⏰', 'DU0DEMOAM2')[0]!.args.text).toContain(`受理单 *${request.number}*（周文华，漫游/国际业务开通，上海受理）请于`);

    await sweepAt('2026-11-23T06:00:00.000Z');
    expect(pings('🚨', 'DU0DEMOAM2')).toHaveLength(1);
    expect(pings('🚨', 'C0DEMOBJSUP')[0]!.args.text).toContain('经办人：<@U0DEMOAM2>');
    expect(pings('🚨', 'C0DEMOBJXRG')).toHaveLength(0);
  });

  it('says nothing once the request is replied, and the timer ends', async () => {
    const { request, home } = await openRequest('C0004');
    const opens = t.slack.callsTo('views.open').length;
    await clickButton(t, 'U0DEMOAM2', ids.reply, home);
    await t.slack.waitFor(() => t.slack.callsTo('views.open').length > opens);
    const view = t.slack.callsTo('views.open').at(-1)!.response.view;
    const submitted = await t.driver.viewSubmission({ userId: 'U0DEMOAM2', view, values: replyState({ result: 'done', actionsTaken: '已开通国际漫游。', handledBy: '李强', handledAtSeconds: Math.floor(t.clock.now().getTime() / 1000) }) });
    expect(submitted.status).toBe(200);
    // The last follow-up: the account manager's DM.
    await t.slack.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === 'DU0DEMOAM1' && String(c.args.text).includes('您的客户'));

    expect((await timerOf(request.id)).dueAt).toBeNull();
    await sweepAt('2026-11-23T05:00:00.000Z');
    await sweepAt('2026-11-23T06:00:00.000Z');
    expect([...pings('⏰'), ...pings('🚨')]).toHaveLength(0);
    // Replied in time: nothing about lateness.
    expect(JSON.stringify(t.slack.messages())).not.toContain('超过回复时限');
  });
});

describe('a reply after the deadline (gold member: 8 h)', () => {
  it('says how late it came wherever the reply is shown: both messages, both threads, both DMs and /xregion find', async () => {
    const { request, home } = await openRequest('C0005');
    await sweepAt('2026-11-23T10:00:00.000Z');
    expect(pings('🚨', 'C0DEMOBJSUP')).toHaveLength(1);

    t.clock.set('2026-11-23T10:31:00Z');
    const opens = t.slack.callsTo('views.open').length;
    await clickButton(t, 'U0DEMOAM1', ids.reply, home);
    await t.slack.waitFor(() => t.slack.callsTo('views.open').length > opens);
    const view = t.slack.callsTo('views.open').at(-1)!.response.view;
    const values = replyState({ result: 'done', actionsTaken: '已开通国际漫游。', handledBy: '王晓梅', handledAtSeconds: Math.floor(t.clock.now().getTime() / 1000) });
    expect((await t.driver.viewSubmission({ userId: 'U0DEMOAM1', view, values })).status).toBe(200);
    // The account manager's DM is the last thing the reply sends.
    await t.slack.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === 'DU0DEMOAM2' && String(c.args.text).includes('您的客户'));

    const late = '超过回复时限 31 分钟后回复';
    const { homeMessageTs, servingMessageTs } = await t.bot.db.xregionRequest.findUniqueOrThrow({ where: { id: request.id } });
    for (const [channel, ts] of [['C0DEMOBJXRG', homeMessageTs], ['C0DEMOSHXRG', servingMessageTs]] as const) {
      const message = t.slack.messages().find((m) => m.channel === channel && m.ts === ts)!;
      expect(text(message)).toContain('已回复：*已办结*');
      expect(text(message)).toContain(late);
      const thread = t.slack.messages().filter((m) => m.channel === channel && m.thread_ts === ts);
      expect(thread.map((m) => m.text).join('\n')).toContain(late);
    }
    for (const dm of ['DU0DEMOAM3', 'DU0DEMOAM2']) {
      const told = t.slack.callsTo('chat.postMessage').filter((c) => c.ok && c.args.channel === dm && String(c.args.text).includes(request.number));
      expect(told.at(-1)!.args.text).toContain(late);
    }

    const responseUrl = t.slack.responseUrl();
    await t.driver.command({ command: '/xregion', text: `find ${request.number}`, userId: 'U0DEMOAM3', responseUrl });
    const found = (await t.slack.waitFor((c) => c.method === 'response_url' && c.responseUrl === responseUrl)).args;
    expect(JSON.stringify(found.blocks)).toContain('已回复（超过时限 31 分钟）');
    t.slack.assertNoRejections();
  });
});

describe('a bot that slept through the reminder and the deadline', () => {
  it('sends one breach, not a reminder followed by a breach', async () => {
    const { request } = await openRequest('C0004');
    await restartBot();
    expect(await sweepAt('2026-11-23T07:30:00.000Z')).toEqual({ fired: 1, failed: 0 });
    expect(pings('⏰')).toHaveLength(0);
    expect(pings('🚨', 'C0DEMOBJXRG')).toHaveLength(1);
    expect(pings('🚨', 'C0DEMOBJSUP')).toHaveLength(1);
    expect(await t.bot.db.xregionRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({
      reminderSentAt: new Date('2026-11-23T07:30:00Z'),
      breachSentAt: new Date('2026-11-23T07:30:00Z'),
    });
    await sweepAt('2026-11-23T08:00:00.000Z');
    expect(pings('🚨')).toHaveLength(2);
  });
});

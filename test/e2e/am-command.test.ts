// /am through the real receiver: signed requests in, answers out through the fake Slack.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { commandAnswer } from '../support/command-answer.ts';
import { startTestBot, type TestBot } from '../support/test-bot.ts';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
  t.slack.setUser('U0ADMIN', { locale: 'en-US', tz: 'Asia/Shanghai', name: 'Ada Admin' });
  t.slack.setUser('U0DEMOAM1', { locale: 'zh-CN', tz: 'Asia/Shanghai', name: '王晓梅' });
  t.slack.setUser('U0STRANGER', { locale: 'en-US', tz: 'Europe/London', name: 'Sam Stranger' });
  t.slack.setUser('U0NEWBIE', { locale: 'en-US', tz: 'Europe/Berlin', name: 'Nina Newbie' });
});
afterAll(() => t.stop());
beforeEach(() => t.slack.reset());

async function command(userId: string, text: string) {
  const responseUrl = t.slack.responseUrl();
  const response = await t.driver.command({ command: '/am', text, userId, responseUrl });
  expect(response.status).toBe(200);
  const answer = await commandAnswer(t.slack, response, responseUrl);
  t.slack.assertNoRejections();
  return answer;
}

describe('/am help', () => {
  it('is acknowledged and answered privately in the user’s language', async () => {
    const en = await command('U0ADMIN', 'help');
    expect(en.response_type).toBe('ephemeral');
    expect(JSON.stringify(en.blocks)).toContain('Key-account service bot');
    expect(JSON.stringify(en.blocks)).toContain('/ticket claim');

    const zh = await command('U0DEMOAM1', 'help');
    expect(JSON.stringify(zh.blocks)).toContain('大客户服务机器人');
  });

  it('answers inside the ack when memory knows the person’s language, and after it for someone never seen', async () => {
    // Never seen (no language in the directory, no Slack profile cached): after the ack.
    const first = await t.driver.command({ command: '/am', text: 'help', userId: 'U0NEWBIE', responseUrl: t.slack.responseUrl() });
    expect(first).toMatchObject({ status: 200, text: '' });
    await t.slack.waitFor((c) => c.method === 'response_url' && JSON.stringify(c.args.blocks ?? '').includes('/am whoami'));
    // Now the profile is cached: the ack itself is the answer, and nothing follows it.
    const responseUrl = t.slack.responseUrl();
    const second = await t.driver.command({ command: '/am', text: 'help', userId: 'U0NEWBIE', responseUrl });
    expect(second.status).toBe(200);
    expect(second.json).toMatchObject({ response_type: 'ephemeral' });
    expect(JSON.stringify(second.json.blocks)).toContain('/am whoami');
    expect(await t.bot.requestsSettled(5000)).toBe(true);
    expect(t.slack.calls.filter((c) => c.responseUrl === responseUrl)).toEqual([]);
  });

  it('answers a repeated delivery of help from memory again, the same, with no delivery recorded', async () => {
    await command('U0ADMIN', 'help'); // the profile is cached now
    const input = { command: '/am', text: 'help', userId: 'U0ADMIN', responseUrl: t.slack.responseUrl(), triggerId: 'trigger-am-help-twice' };
    const timestamp = Math.floor(Date.now() / 1000);
    const [once, again] = [await t.driver.command(input, { timestamp }), await t.driver.command(input, { timestamp })];
    expect(once.json).toMatchObject({ response_type: 'ephemeral' });
    expect(again.json).toEqual(once.json);
    // Nothing followed the ack, so there was nothing a repeat could do twice: no key kept.
    expect(await t.bot.db.seenDelivery.count({ where: { key: 'trigger:trigger-am-help-twice' } })).toBe(0);
    expect(await t.bot.requestsSettled(5000)).toBe(true);
    expect(t.slack.calls.filter((c) => c.responseUrl === input.responseUrl)).toEqual([]);
  });

  it('answers an empty /am with help too', async () => {
    const answer = await command('U0STRANGER', '');
    expect(JSON.stringify(answer.blocks)).toContain('/am whoami');
  });
});

describe('/am whoami', () => {
  it('tells an account manager their role, region and customers', async () => {
    const answer = await command('U0DEMOAM1', 'whoami');
    const shown = JSON.stringify(answer.blocks);
    expect(shown).toContain('客户经理');
    expect(shown).toContain('北京');
    expect(shown).toContain('C0001');
    expect(shown).toContain('C0004');
    expect(shown).not.toContain('C0003'); // another manager's customer
  });

  it('answers in the language chosen in the directory by someone memory has not seen yet (registered by another process)', async () => {
    await t.bot.db.staff.create({ data: { slackUserId: 'U0OTHERPROC', name: '李雷', role: 'field_engineer', regionCode: 'BJ', locale: 'zh-CN' } });
    t.slack.setUser('U0OTHERPROC', { locale: 'en-US', tz: 'Asia/Shanghai', name: 'Li Lei' });
    expect(t.bot.ctx.staff.snapshot()?.localeOf('U0OTHERPROC')).toBeUndefined();
    const answer = await command('U0OTHERPROC', 'whoami');
    expect(JSON.stringify(answer)).toContain('装维工程师');
  });

  it('answers an unknown user courteously, naming whom to ask', async () => {
    const answer = await command('U0STRANGER', 'whoami');
    expect(answer.text).toContain('not registered');
    expect(answer.text).toContain('<@U0ADMIN>');
  });
});

describe('/am staff', () => {
  it('lets an admin register a colleague, with an audit entry', async () => {
    const answer = await command('U0ADMIN', 'staff <@U0NEWBIE|nina> field_engineer sh');
    expect(answer.text).toContain('<@U0NEWBIE>');
    const staff = await t.bot.db.staff.findUniqueOrThrow({ where: { slackUserId: 'U0NEWBIE' } });
    expect(staff).toMatchObject({ role: 'field_engineer', regionCode: 'SH', name: 'Nina Newbie', timezone: 'Europe/Berlin' });
    const audit = await t.bot.db.auditEntry.findFirst({ where: { subject: 'staff:U0NEWBIE' } });
    expect(audit).toMatchObject({ actorId: 'U0ADMIN', action: 'staff.registered' });
  });

  it('refuses a non-admin and changes nothing', async () => {
    const answer = await command('U0DEMOAM1', 'staff <@U0STRANGER> admin BJ');
    expect(answer.text).toContain('管理员');
    expect(await t.bot.db.staff.findUnique({ where: { slackUserId: 'U0STRANGER' } })).toBeNull();
  });

  it('explains a wrong role or an unknown region and stores nothing', async () => {
    const badRole = await command('U0ADMIN', 'staff <@U0STRANGER> wizard BJ');
    expect(badRole.text).toContain('`wizard` is not a role');
    const badRegion = await command('U0ADMIN', 'staff <@U0STRANGER> supervisor XX');
    expect(badRegion.text).toContain('There is no region `XX`');
    expect(badRegion.text).toContain('BJ, GZ, SH');
    expect(await t.bot.db.staff.findUnique({ where: { slackUserId: 'U0STRANGER' } })).toBeNull();
  });
});

describe('request signing', () => {
  it('refuses a bad signature with 401 and does nothing', async () => {
    const response = await t.driver.command({ command: '/am', text: 'help', userId: 'U0ADMIN', responseUrl: t.slack.responseUrl() }, { signature: 'v0=deadbeef' });
    expect(response.status).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(t.slack.calls).toHaveLength(0);
  });

  it('refuses a timestamp older than five minutes with 401 and does nothing', async () => {
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    const response = await t.driver.command({ command: '/am', text: 'staff <@U0STRANGER> admin BJ', userId: 'U0ADMIN', responseUrl: t.slack.responseUrl() }, { timestamp: stale });
    expect(response.status).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(t.slack.calls).toHaveLength(0);
    expect(await t.bot.db.staff.findUnique({ where: { slackUserId: 'U0STRANGER' } })).toBeNull();
  });
});

describe('an out-of-date approval button', () => {
  it('is answered privately and changes nothing', async () => {
    const responseUrl = t.slack.responseUrl();
    const response = await t.driver.blockAction({ userId: 'U0DEMOSUP1', actionId: 'approval.approve', value: 'not-a-number', responseUrl, channelId: 'C0DEMOBJSUP' });
    expect(response.status).toBe(200);
    const answer = await t.slack.waitFor((c) => c.responseUrl === responseUrl);
    expect(answer.args.text).toContain('按钮已失效');
    expect(await t.bot.db.approvalDecision.count()).toBe(0);
    expect(await t.bot.db.auditEntry.count({ where: { actorId: 'U0DEMOSUP1' } })).toBe(0);
  });
});

describe('an out-of-date ticket form', () => {
  it('is answered in the modal and stores nothing', async () => {
    const before = await t.bot.db.auditEntry.count();
    const response = await t.driver.viewSubmission({
      userId: 'U0DEMOSUP1',
      callbackId: 'ticket.restore_view',
      privateMetadata: 'not json',
      values: { cause: { cause: { type: 'plain_text_input', value: '光缆中断' } }, action: { action: { type: 'plain_text_input', value: '熔接' } } },
    });
    expect(response.status).toBe(200);
    // The one out-of-date answer for every modal: the form is replaced by a notice.
    expect(response.json.response_action).toBe('update');
    expect(JSON.stringify(response.json.view.blocks)).toContain('表单已失效');
    expect(await t.bot.db.auditEntry.count()).toBe(before);
  });
});

// What the cross-region flow refuses: wrong input comes back as field errors in the
// modal with nothing stored; only the home region (or an admin) may accept, and
// two colleagues clicking Accept at the same moment leave exactly one handler.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../../support/test-bot.ts';
import { clickButton, eventually, ids, openAcceptanceForm, privateAnswer, requestMessageIn, submitAcceptance, text, waitForRequestMessage, type AcceptanceValues } from './steps.ts';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot({ now: '2026-11-23T02:00:00Z' });
  for (const [id, name] of [['U0DEMOAM3', 'Chen Jing'], ['U0DEMOENG2', '刘洋'], ['U0DEMOAM1', '王晓梅'], ['U0DEMOAM2', '李强'], ['U0DEMOENG1', '张伟']] as const) {
    t.slack.setUser(id, { locale: 'zh-CN', tz: 'Asia/Shanghai', name });
  }
});
afterAll(() => t.stop());
beforeEach(() => t.slack.reset());

const valid: AcceptanceValues = { memberNumber: 'C0004', service: 'bill_query', description: '会员查询上月国际漫游话费明细。', contactPhone: '13801010001' };

// These tests run first, on an empty cross-region store.
async function storedNothing() {
  const db = t.bot.db;
  expect(await db.xregionRequest.count()).toBe(0);
  expect(await db.xregionAcceptanceForm.count()).toBe(0);
  expect(await db.timer.count({ where: { kind: 'xregion.deadline' } })).toBe(0);
  expect(await db.auditEntry.count({ where: { action: { startsWith: 'xregion.' } } })).toBe(0);
  expect(await db.xregionNumberCounter.count()).toBe(0);
  expect(t.slack.callsTo('chat.postMessage')).toHaveLength(0);
}

/** Both channel messages show the change (so no update is in flight when the test ends). */
async function bothMessagesShow(number: string, shown: string) {
  for (const channel of ['C0DEMOBJXRG', 'C0DEMOSHXRG']) {
    await eventually(async () => expect(text(requestMessageIn(t, channel, number))).toContain(shown));
  }
}

describe('wrong input on the acceptance form', () => {
  it('comes back as field errors on the right blocks, and nothing is stored', async () => {
    const view = await openAcceptanceForm(t, 'U0DEMOAM3');
    const answer = await submitAcceptance(t, 'U0DEMOAM3', view, { ...valid, description: '   ', contactPhone: '12345' });
    expect(answer.response_action).toBe('errors');
    expect(Object.keys(answer.errors).sort()).toEqual(['contact_phone', 'description']);
    expect(answer.errors.description).toBe('请描述会员需要办理的事项。');
    expect(answer.errors.contact_phone).toContain('这不像是电话号码');
    await storedNothing();
  });

  it('refuses an unknown home region for a member not in the directory', async () => {
    const view = await openAcceptanceForm(t, 'U0DEMOAM3');
    const answer = await submitAcceptance(t, 'U0DEMOAM3', view, { ...valid, memberNumber: '13700000000', memberName: '赵先生', homeRegion: 'XX', verifiedBy: '北京 王晓梅' });
    expect(answer.response_action).toBe('errors');
    expect(answer.errors).toEqual({ home_region: '没有区域 `XX`。已有区域：BJ, GZ, SH。' });
    await storedNothing();
  });

  it('needs the home region, the name and the verifier when the member is not in the directory', async () => {
    const view = await openAcceptanceForm(t, 'U0DEMOAM3');
    const answer = await submitAcceptance(t, 'U0DEMOAM3', view, { ...valid, memberNumber: '13700000000' });
    expect(answer.response_action).toBe('errors');
    expect(Object.keys(answer.errors).sort()).toEqual(['home_region', 'member_name', 'verified_by']);
    await storedNothing();
  });

  it('turns away a member of the opener’s own region: that is not a cross-region request', async () => {
    const view = await openAcceptanceForm(t, 'U0DEMOAM3');
    const answer = await submitAcceptance(t, 'U0DEMOAM3', view, { ...valid, memberNumber: 'C0008' });
    expect(answer.errors).toEqual({ member_number: expect.stringContaining('归属上海') });
    await storedNothing();
  });

  it('accepts a member not in the directory once home region and verifier are given', async () => {
    const view = await openAcceptanceForm(t, 'U0DEMOAM3');
    const answer = await submitAcceptance(t, 'U0DEMOAM3', view, { ...valid, memberNumber: '13700000000', memberName: '赵先生', homeRegion: 'BJ', verifiedBy: '北京 王晓梅' });
    expect(answer.response_action).toBe('update');
    const request = await t.bot.db.xregionRequest.findFirstOrThrow({ include: { acceptanceForms: true } });
    expect(request).toMatchObject({ homeRegionCode: 'BJ', customerCode: null, cardTier: null });
    // Non-members get the configured default (24 h).
    expect(request.replyDeadline.toISOString()).toBe('2026-11-24T02:00:00.000Z');
    expect(request.acceptanceForms[0]).toMatchObject({ memberNumber: '13700000000', memberName: '赵先生', verifiedBy: '北京 王晓梅' });
    await waitForRequestMessage(t, 'C0DEMOSHXRG', request.number);
    await eventually(async () => expect((await t.bot.db.xregionRequest.findUniqueOrThrow({ where: { id: request.id } })).servingMessageTs).not.toBeNull());
  });
});

async function routedRequest(): Promise<{ id: string; number: string; home: Awaited<ReturnType<typeof waitForRequestMessage>> }> {
  const view = await openAcceptanceForm(t, 'U0DEMOAM3');
  const answer = await submitAcceptance(t, 'U0DEMOAM3', view, valid);
  expect(answer.response_action).toBe('update');
  const request = await t.bot.db.xregionRequest.findFirstOrThrow({ orderBy: { openedAt: 'desc' } });
  const home = await waitForRequestMessage(t, 'C0DEMOBJXRG', request.number);
  await eventually(async () => expect((await t.bot.db.xregionRequest.findUniqueOrThrow({ where: { id: request.id } })).servingMessageTs).not.toBeNull());
  return { id: request.id, number: request.number, home };
}

describe('a home region whose channel refuses the bot', () => {
  it('keeps the request, records the failure for the admins, and tells the opener to phone', async () => {
    t.slack.setChannelError('C0DEMOBJXRG', 'not_in_channel');
    const view = await openAcceptanceForm(t, 'U0DEMOAM3');
    expect((await submitAcceptance(t, 'U0DEMOAM3', view, valid)).response_action).toBe('update');
    await t.slack.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === 'DU0DEMOAM3');
    expect(t.slack.messageIn('U0DEMOAM3')!.text).toContain('请先电话联系北京');
    const request = await t.bot.db.xregionRequest.findFirstOrThrow({ orderBy: { openedAt: 'desc' } });
    expect(request).toMatchObject({ homeMessageTs: null, servingChannelId: 'C0DEMOSHXRG' });
    expect(await t.bot.db.deliveryFailure.findFirst({ where: { channel: 'C0DEMOBJXRG' } })).toMatchObject({ error: 'not_in_channel', method: 'chat.postMessage' });
  });
});

describe('who may act on a request', () => {
  it('refuses Accept, Reply and Turn back from outside the home region, privately, and changes nothing', async () => {
    const { id, number, home } = await routedRequest();
    const auditBefore = await t.bot.db.auditEntry.count();
    for (const action of [ids.accept, ids.reply, ids.reject]) {
      const answer = await privateAnswer(t, await clickButton(t, 'U0DEMOENG2', action, home));
      expect(answer.response_type).toBe('ephemeral');
      expect(answer.text).toContain('会员归属地（北京）');
    }
    expect(await t.bot.db.xregionRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'open', handlerId: null, acceptedAt: null });
    expect(await t.bot.db.auditEntry.count()).toBe(auditBefore);
    expect(t.slack.callsTo('views.open').filter((c) => c.args.view?.callback_id !== 'xregion.acceptance_form')).toHaveLength(0);
    expect(t.slack.callsTo('chat.update')).toHaveLength(0);
    expect(requestMessageIn(t, 'C0DEMOBJXRG', number)!.edits).toBe(0);
  });

  it('lets an admin accept for any region', async () => {
    const { id, number, home } = await routedRequest();
    await privateAnswer(t, await clickButton(t, 'U0ADMIN', ids.accept, home));
    expect(await t.bot.db.xregionRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'accepted', handlerId: 'U0ADMIN' });
    await bothMessagesShow(number, '<@U0ADMIN> 已于');
  });

  it('leaves exactly one handler when two home-region colleagues click Accept at once', async () => {
    const { id, number, home } = await routedRequest();
    const clickers = ['U0DEMOAM1', 'U0DEMOAM2', 'U0DEMOENG1'];
    const urls = await Promise.all(clickers.map((user) => clickButton(t, user, ids.accept, home)));
    const answers = await Promise.all(urls.map((url) => privateAnswer(t, url)));
    const request = await t.bot.db.xregionRequest.findUniqueOrThrow({ where: { id } });
    expect(request.status).toBe('accepted');
    const winner = clickers.indexOf(request.handlerId!);
    expect(winner).toBeGreaterThanOrEqual(0);
    answers.forEach((answer, i) => {
      if (i === winner) expect(answer.text).toContain('已由您负责办理');
      else expect(answer.text).toBe(`受理单 ${number} 已由 <@${request.handlerId}> 受理，本次未做任何更改。`);
    });
    expect(await t.bot.db.auditEntry.count({ where: { subject: `xregion:${number}`, action: 'xregion.accepted' } })).toBe(1);
    await bothMessagesShow(number, `<@${request.handlerId}> 已于`);
    t.slack.assertNoRejections();
  });
});

// The whole cross-region flow across two regions, through the signed receiver and the
// fake Slack: a Shanghai colleague fills in the acceptance form for a Beijing diamond
// member; it is routed to Beijing's cross-region channel with a copy kept in
// Shanghai's; a Beijing colleague accepts and replies; both messages and threads
// show it, and the opener and the member's account manager are told directly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../../support/test-bot.ts';
import { hours, minutes } from '../../support/test-clock.ts';
import { plainText } from '../../../src/sandbox/slack-stand-in/view-state.ts';
import { clickButton, eventually, ids, lookUpMember, openAcceptanceForm, privateAnswer, replyState, requestMessageIn, submitAcceptance, text, waitForRequestMessage } from './steps.ts';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot({ now: '2026-11-23T02:00:00Z' });
  t.slack.setUser('U0DEMOAM3', { locale: 'en-US', tz: 'Asia/Shanghai', name: 'Chen Jing' });
  t.slack.setUser('U0DEMOAM2', { locale: 'zh-CN', tz: 'Asia/Shanghai', name: '李强' });
  t.slack.setUser('U0DEMOAM1', { locale: 'zh-CN', tz: 'Asia/Shanghai', name: '王晓梅' });
  t.slack.setUser('U0DEMOENG2', { locale: 'zh-CN', tz: 'Asia/Shanghai', name: '刘洋' });
});
afterAll(() => t.stop());

describe('a cross-region request from Shanghai for a Beijing member', () => {
  it('goes from the acceptance form to the home region, is accepted and replied, and everyone hears of it', async () => {
    // 1. The serving region (SH) opens the form and looks the member up by phone.
    let view = await openAcceptanceForm(t, 'U0DEMOAM3');
    expect(view.title.text).toBe('Cross-region request');
    expect(text(view)).toContain('上海');
    view = await lookUpMember(t, 'U0DEMOAM3', view, '138 0101 0001');
    expect(text(view)).toContain('周文华');
    expect(text(view)).toContain('Diamond card');
    expect(text(view)).toContain('北京');

    const answer = await submitAcceptance(t, 'U0DEMOAM3', view, {
      memberNumber: '138 0101 0001',
      service: 'sim_replacement',
      description: '会员在上海出差时手机丢失，需要补办 SIM 卡并保留原号码。',
      contactPhone: '+86 139-1234-5678',
    });
    expect(answer.response_action).toBe('update');
    expect(text(answer.view)).toContain('XR-20261123-001');

    // 2. Stored with a diamond deadline (4 h) and its timer; version 1 of the form.
    const request = await t.bot.db.xregionRequest.findUniqueOrThrow({ where: { number: 'XR-20261123-001' }, include: { acceptanceForms: true } });
    expect(request).toMatchObject({ homeRegionCode: 'BJ', servingRegionCode: 'SH', customerCode: 'C0004', cardTier: 'diamond', status: 'open', openedById: 'U0DEMOAM3' });
    expect(request.replyDeadline.toISOString()).toBe('2026-11-23T06:00:00.000Z');
    expect(request.acceptanceForms).toHaveLength(1);
    expect(request.acceptanceForms[0]).toMatchObject({ version: 1, memberNumber: '13801010001', memberName: '周文华', contactPhone: '13912345678', service: 'sim_replacement', verifiedBy: null });
    const timer = await t.bot.db.timer.findUniqueOrThrow({ where: { kind_subjectId: { kind: 'xregion.deadline', subjectId: request.id } } });
    expect(timer.dueAt!.getTime()).toBe(new Date('2026-11-23T06:00:00Z').getTime() - hours(1));

    // 3. Routed to the home region's channel with every field and the buttons; copy kept in SH.
    const home = await waitForRequestMessage(t, 'C0DEMOBJXRG', 'XR-20261123-001');
    const copy = await waitForRequestMessage(t, 'C0DEMOSHXRG', 'XR-20261123-001');
    // Channels have many readers: the member number and contact phone are masked (PIPL).
    for (const shown of ['138****0001', '周文华', '钻石卡', '北京', '上海', '补换卡', '会员在上海出差时手机丢失', '139****5678', 'U0DEMOAM3', '2026-11-23 14:00', '待受理']) {
      expect(text(home)).toContain(shown);
      expect(text(copy)).toContain(shown);
    }
    for (const hidden of ['13801010001', '13912345678']) {
      expect(text(home)).not.toContain(hidden);
      expect(text(copy)).not.toContain(hidden);
    }
    expect(text(home)).toContain(ids.accept);
    expect(text(copy)).not.toContain(ids.accept);
    await eventually(async () =>
      expect(await t.bot.db.xregionRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({
        homeChannelId: 'C0DEMOBJXRG', homeMessageTs: home.ts, servingChannelId: 'C0DEMOSHXRG', servingMessageTs: copy.ts,
      }),
    );

    // 4. A Beijing colleague accepts: they become the handler; both messages say so.
    t.clock.advance(minutes(20));
    const accepted = await privateAnswer(t, await clickButton(t, 'U0DEMOAM2', ids.accept, home));
    expect(accepted.text).toContain('XR-20261123-001');
    await t.slack.waitFor(() => (requestMessageIn(t, 'C0DEMOSHXRG', 'XR-20261123-001')?.edits ?? 0) >= 1);
    expect(await t.bot.db.xregionRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({ status: 'accepted', handlerId: 'U0DEMOAM2' });
    for (const channel of ['C0DEMOBJXRG', 'C0DEMOSHXRG']) expect(text(requestMessageIn(t, channel, 'XR-20261123-001'))).toContain('<@U0DEMOAM2> 已于');
    expect(text(requestMessageIn(t, 'C0DEMOBJXRG', 'XR-20261123-001'))).not.toContain(ids.accept);

    // 5. The handler opens the reply form from the updated message and submits it.
    t.clock.advance(hours(1));
    const opens = t.slack.callsTo('views.open').length;
    await clickButton(t, 'U0DEMOAM2', ids.reply, requestMessageIn(t, 'C0DEMOBJXRG', 'XR-20261123-001')!);
    await t.slack.waitFor(() => t.slack.callsTo('views.open').length > opens);
    const replyView = t.slack.callsTo('views.open').at(-1)!.response.view;
    expect(replyView.title.text).toBe('跨区服务回复单');
    const handledAt = Math.floor(new Date('2026-11-23T03:15:00Z').getTime() / 1000);
    const submitted = await t.driver.viewSubmission({
      userId: 'U0DEMOAM2',
      view: replyView,
      values: replyState({ result: 'done', actionsTaken: '已核实身份，远程办理补卡并寄送至会员酒店。', handledBy: '李强', handledAtSeconds: handledAt, notes: '会员已确认收到。' }),
    });
    expect(submitted.status).toBe(200);
    expect(submitted.json?.response_action).toBeUndefined();

    // 6. Closed: reply form v1 stored, timer cancelled, audit trail complete.
    await t.slack.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === 'DU0DEMOAM1');
    const closed = await t.bot.db.xregionRequest.findUniqueOrThrow({ where: { id: request.id }, include: { replyForms: true } });
    expect(closed).toMatchObject({ status: 'replied', handlerId: 'U0DEMOAM2' });
    expect(closed.replyForms).toEqual([expect.objectContaining({ version: 1, result: 'done', handledBy: '李强', submittedById: 'U0DEMOAM2', notes: '会员已确认收到。' })]);
    expect(closed.replyForms[0]!.handledAt.toISOString()).toBe('2026-11-23T03:15:00.000Z');
    expect((await t.bot.db.timer.findUniqueOrThrow({ where: { id: timer.id } })).dueAt).toBeNull();
    const audit = await t.bot.db.auditEntry.findMany({ where: { subject: 'xregion:XR-20261123-001' }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([['xregion.opened', 'U0DEMOAM3'], ['xregion.accepted', 'U0DEMOAM2'], ['xregion.replied', 'U0DEMOAM2']]);

    // 7. Both messages updated in place, the reply in both threads.
    for (const [channel, ts] of [['C0DEMOBJXRG', home.ts], ['C0DEMOSHXRG', copy.ts]] as const) {
      const message = requestMessageIn(t, channel, 'XR-20261123-001')!;
      expect(message.ts).toBe(ts);
      expect(text(message)).toContain('已回复');
      expect(text(message)).toContain('已核实身份，远程办理补卡');
      const inThread = t.slack.messages().filter((m) => m.channel === channel && m.thread_ts === ts);
      expect(inThread.map((m) => text(m)).join('\n')).toContain('已核实身份，远程办理补卡并寄送至会员酒店。');
    }

    // 8. The opener (in English) and the account manager (in Chinese) are told directly.
    await t.slack.waitFor(() => t.slack.messageIn('U0DEMOAM3') !== undefined);
    expect(text(t.slack.messageIn('U0DEMOAM3'))).toContain('北京 has replied to request *XR-20261123-001*');
    expect(text(t.slack.messageIn('U0DEMOAM1'))).toContain('您的客户 *周文华*');
    expect(text(t.slack.messageIn('U0DEMOAM1'))).toContain('已办结');
    t.slack.assertNoRejections();
  });

  it('can be turned back by the home region with a reason, which both regions and the opener see', async () => {
    t.clock.set('2026-11-23T05:00:00Z');
    const view = await openAcceptanceForm(t, 'U0DEMOAM3');
    await submitAcceptance(t, 'U0DEMOAM3', view, { memberNumber: 'C0005', service: 'service_change', description: '会员要求变更套餐。', contactPhone: '13901010002' });
    const request = await t.bot.db.xregionRequest.findFirstOrThrow({ where: { customerCode: 'C0005' } });
    const home = await waitForRequestMessage(t, 'C0DEMOBJXRG', request.number);
    await eventually(async () => expect((await t.bot.db.xregionRequest.findUniqueOrThrow({ where: { id: request.id } })).servingMessageTs).not.toBeNull());

    const opens = t.slack.callsTo('views.open').length;
    await clickButton(t, 'U0DEMOSUP1', ids.reject, home);
    await t.slack.waitFor(() => t.slack.callsTo('views.open').length > opens);
    const rejectView = t.slack.callsTo('views.open').at(-1)!.response.view;
    const empty = await t.driver.viewSubmission({ userId: 'U0DEMOSUP1', view: rejectView, values: { reject_reason: { reject_reason: plainText('  ') } } });
    expect(empty.json).toEqual({ response_action: 'errors', errors: { reject_reason: '请填写退回原因，以便受理地向会员解释。' } });
    expect((await t.bot.db.xregionRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe('open');

    const done = await t.driver.viewSubmission({ userId: 'U0DEMOSUP1', view: rejectView, values: { reject_reason: { reject_reason: plainText('该套餐变更须本人持证到归属地营业厅办理。') } } });
    expect(done.status).toBe(200);
    await t.slack.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === 'DU0DEMOAM3' && String(c.args.text).includes(request.number));
    expect(await t.bot.db.xregionRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({ status: 'rejected', rejectedById: 'U0DEMOSUP1', rejectReason: '该套餐变更须本人持证到归属地营业厅办理。' });
    expect((await t.bot.db.timer.findFirstOrThrow({ where: { subjectId: request.id } })).dueAt).toBeNull();
    for (const channel of ['C0DEMOBJXRG', 'C0DEMOSHXRG']) {
      const message = requestMessageIn(t, channel, request.number)!;
      expect(text(message)).toContain('已于');
      expect(text(message)).toContain('退回：该套餐变更须本人持证');
      expect(text(message)).not.toContain(ids.reply);
      expect(t.slack.messages().some((m) => m.channel === channel && m.thread_ts === message.ts && (m.text ?? '').includes('退回了该受理单'))).toBe(true);
    }
    expect(t.slack.messageIn('U0DEMOAM3')!.text).toContain('turned request');
    t.slack.assertNoRejections();
  });

  it('keeps a corrected reply as version 2 beside version 1, with who and when', async () => {
    t.clock.set('2026-11-24T01:00:00Z');
    const home = requestMessageIn(t, 'C0DEMOBJXRG', 'XR-20261123-001')!;
    const opens = t.slack.callsTo('views.open').length;
    await clickButton(t, 'U0DEMOAM2', 'xregion.correct_reply', home);
    await t.slack.waitFor(() => t.slack.callsTo('views.open').length > opens);
    const view = t.slack.callsTo('views.open').at(-1)!.response.view;
    expect(view.title.text).toBe('更正回复单');
    expect(text(view)).toContain('已核实身份，远程办理补卡并寄送至会员酒店。');
    const handledAt = Math.floor(new Date('2026-11-23T03:15:00Z').getTime() / 1000);
    const saved = await t.driver.viewSubmission({
      userId: 'U0DEMOAM2',
      view,
      values: replyState({ result: 'done', actionsTaken: '已核实身份，远程办理补卡并寄送至会员酒店。', handledBy: '李强', handledAtSeconds: handledAt, notes: '会员已确认收到，顺丰单号 SF1234567890。' }),
    });
    expect(saved.json.response_action).toBe('update');
    const replies = await t.bot.db.xregionReplyForm.findMany({ where: { request: { number: 'XR-20261123-001' } }, orderBy: { version: 'asc' } });
    expect(replies.map((r) => [r.version, r.notes, r.submittedById, r.submittedAt.toISOString()])).toEqual([
      [1, '会员已确认收到。', 'U0DEMOAM2', '2026-11-23T03:20:00.000Z'],
      [2, '会员已确认收到，顺丰单号 SF1234567890。', 'U0DEMOAM2', '2026-11-24T01:00:00.000Z'],
    ]);
    for (const channel of ['C0DEMOBJXRG', 'C0DEMOSHXRG']) {
      await eventually(async () => expect(text(requestMessageIn(t, channel, 'XR-20261123-001'))).toContain('回复单第 2 版，由 <@U0DEMOAM2>'));
    }
    await t.slack.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === 'C0DEMOSHXRG' && String(c.args.text).includes('更正了回复单'));
  });
});

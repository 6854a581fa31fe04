// An undecided approval request reminds the supervisors, then expires — at exact
// instants of an injected clock, through the durable timer sweep.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { approvalIds } from '../../src/slack/ids.ts';
import { hasButtons, retentionDriver, shown, supervisorChannel, until } from '../support/retention-driver.ts';
import { startTestBot, type TestBot } from '../support/test-bot.ts';
import { minutes } from '../support/test-clock.ts';

let t: TestBot;
let r: ReturnType<typeof retentionDriver>;

beforeAll(async () => {
  // 2 h to the reminder, 8 h to the expiry (defaults are 4 h and 24 h).
  t = await startTestBot({ env: { APPROVAL_REMIND_AFTER_MINUTES: '120', APPROVAL_EXPIRE_AFTER_MINUTES: '480' } });
  r = retentionDriver(t);
  await t.bot.db.staff.create({ data: { slackUserId: 'U0SUPBJ2', name: '周敏', role: 'supervisor', regionCode: 'BJ' } });
});
afterAll(() => t.stop());
beforeEach(() => t.slack.reset());

const threadReplies = (ts: string) => t.slack.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === ts);

describe('approval deadlines', () => {
  it('reminds the supervisors at the exact instant, once, then expires at the exact instant', async () => {
    const start = t.clock.now().getTime();
    const { request, message } = await r.submitForApproval('U0DEMOAM2', { customer: 'C0003', offer: 'bill_discount_10pct_6m', outcome: 'retained' });
    expect(request.remindAt.getTime()).toBe(start + minutes(120));
    expect(request.expiresAt.getTime()).toBe(start + minutes(480));

    await r.sweep(new Date(start + minutes(120) - 1));
    expect(threadReplies(message.ts)).toHaveLength(0);

    await r.sweep(new Date(start + minutes(120)));
    const [reminder] = threadReplies(message.ts);
    expect(reminder?.args.channel).toBe(supervisorChannel);
    expect(reminder?.args.text).toContain('<@U0DEMOSUP1>');
    expect(reminder?.args.text).toContain('<@U0SUPBJ2>');
    expect(reminder?.args.text).not.toContain('<@U0DEMOSUP2>'); // Shanghai

    await r.sweep(new Date(start + minutes(121)));
    await r.sweep(new Date(start + minutes(480) - 1));
    expect(threadReplies(message.ts)).toHaveLength(1);
    expect(t.slack.callsTo('chat.update')).toHaveLength(0);
    expect((await t.bot.db.approvalRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe('pending');

    const stale = structuredClone(r.current(message)); // what a client that missed the update still shows
    await r.sweep(new Date(start + minutes(480)));
    const expired = r.current(message);
    expect(hasButtons(expired)).toBe(false);
    expect(shown(expired)).toContain('*已失效*');
    const dm = r.dmsTo('U0DEMOAM2');
    expect(dm).toHaveLength(1);
    expect(dm[0]!.args.text).toContain('自动失效');
    expect(dm[0]!.args.text).toContain('未予登记');
    expect(await t.bot.db.approvalRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({ status: 'expired', decidedAt: new Date(start + minutes(480)) });
    expect(await t.bot.db.retentionCase.findFirstOrThrow({ where: { customerCode: 'C0003' }, orderBy: { id: 'desc' } })).toMatchObject({ status: 'open', offerCode: null });
    expect(await t.bot.db.auditEntry.count({ where: { subject: `approval:${request.id}`, action: 'approval.expired', actorId: 'system' } })).toBe(1);

    // Nothing more is due, and a late click changes nothing.
    await r.sweep(new Date(start + minutes(2000)));
    expect(threadReplies(message.ts)).toHaveLength(1);
    const responseUrl = t.slack.responseUrl({ channel: stale.channel, userId: 'U0DEMOSUP1' });
    const { call } = await r.after(() => t.driver.blockAction({ userId: 'U0DEMOSUP1', actionId: approvalIds.approve, message: stale, responseUrl }), (c) => c.method === 'response_url');
    expect(call.args.text).toContain('该申请已处理（已失效）');
    expect(await t.bot.db.approvalDecision.count({ where: { requestId: request.id } })).toBe(0);
    t.slack.assertNoRejections();
  });

  it('catches up with one message when the bot was down past the expiry', async () => {
    const start = t.clock.now().getTime();
    const { request, message } = await r.submitForApproval('U0DEMOAM2', { customer: 'C0005', offer: 'bill_discount_10pct_6m', outcome: 'retained' });
    await r.sweep(new Date(start + minutes(3000)));
    expect(threadReplies(message.ts)).toHaveLength(0); // no late reminder
    expect(t.slack.callsTo('chat.update')).toHaveLength(1);
    expect(r.dmsTo('U0DEMOAM2')).toHaveLength(1);
    expect((await t.bot.db.approvalRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe('expired');
  });

  it('does not remind or expire a request decided in time', async () => {
    t.clock.set('2026-11-24T02:00:00Z');
    const start = t.clock.now().getTime();
    const { request, message } = await r.submitForApproval('U0DEMOAM2', { customer: 'C0003', offer: 'bill_discount_10pct_6m', outcome: 'retained' });
    await r.approve('U0DEMOSUP1', message);
    await t.slack.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === 'DU0DEMOAM2');
    await r.sweep(new Date(start + minutes(120)));
    await r.sweep(new Date(start + minutes(480)));
    expect(threadReplies(message.ts)).toHaveLength(0);
    expect(t.slack.callsTo('chat.update')).toHaveLength(1);
    expect((await t.bot.db.approvalRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe('approved');
  });

  it('posts a request whose first post failed when its reminder is due', async () => {
    t.clock.set('2026-11-25T02:00:00Z');
    const start = t.clock.now().getTime();
    t.slack.setChannelError(supervisorChannel, 'not_in_channel');
    await r.submitCase('U0DEMOAM2', { customer: 'C0005', offer: 'bill_discount_10pct_6m', outcome: 'retained' });
    const request = await t.bot.db.approvalRequest.findFirstOrThrow({ orderBy: { id: 'desc' } });
    await t.slack.waitFor((c) => c.method === 'chat.postMessage' && c.error === 'not_in_channel');
    const failure = await until(() => t.bot.db.deliveryFailure.findFirst({ where: { context: `approval:${request.id}` } }), 'the failure to be recorded');
    expect(failure).toMatchObject({ channel: supervisorChannel, error: 'not_in_channel' });
    expect((await t.bot.db.approvalRequest.findUniqueOrThrow({ where: { id: request.id } })).messageTs).toBeNull();

    t.slack.setChannelError(supervisorChannel, null); // someone invited the bot
    await r.sweep(new Date(start + minutes(120)));
    const posted = await t.bot.db.approvalRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(posted.messageTs).not.toBeNull();
    expect(hasButtons(t.slack.messageIn(supervisorChannel)!)).toBe(true);
  });
});

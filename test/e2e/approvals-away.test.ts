// Approvals while away and abstaining, end to end. A Beijing supervisor away from
// 2026-11-24 to 2026-11-25 (Asia/Shanghai: [2026-11-23T16:00Z, 2026-11-25T16:00Z)) names a
// Shanghai supervisor as deputy: requests opened inside the window also go to the deputy
// by DM, and the deputy's decision says on whose behalf; requests opened a second before
// or at the end do not. On a two-approver request, Abstain steps aside and asks the next.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideApproval } from '../../src/domain/approvals/decide-approval.ts';
import { approvalIds } from '../../src/slack/ids.ts';
import { retentionDriver, shown, supervisorChannel, until } from '../support/retention-driver.ts';
import { startTestBot, type TestBot } from '../support/test-bot.ts';

const sup1 = 'U0DEMOSUP1';
const deputy = 'U0DEMOSUP2'; // a supervisor of Shanghai
const sup2 = 'U0SUPBJ2';
const sup3 = 'U0SUPBJ3';

let t: TestBot;
let r: ReturnType<typeof retentionDriver>;
let customers = 0;

beforeAll(async () => {
  t = await startTestBot({ now: '2026-11-23T02:00:00Z' });
  r = retentionDriver(t);
  await t.bot.db.staff.createMany({
    data: [
      { slackUserId: sup2, name: '周敏', role: 'supervisor', regionCode: 'BJ', timezone: 'Asia/Shanghai' },
      { slackUserId: sup3, name: '李强', role: 'supervisor', regionCode: 'BJ', timezone: 'Asia/Shanghai' },
    ],
  });
  await t.bot.db.customer.createMany({
    data: Array.from({ length: 8 }, (_, i) => ({ code: `C02${String(i).padStart(2, '0')}`, name: `北京代审客户${i}`, kind: 'vip' as const, cardTier: 'gold' as const, regionCode: 'BJ', accountManagerId: 'U0DEMOAM2' })),
  });
  for (const id of [sup1, deputy, sup2, sup3]) t.slack.setUser(id, { locale: 'en-US', tz: 'Asia/Shanghai', name: id });
});
afterAll(() => t.stop());

async function am(userId: string, text: string) {
  const responseUrl = t.slack.responseUrl({ userId });
  await t.driver.command({ command: '/am', text, userId, responseUrl });
  return (await t.slack.waitFor((c) => c.method === 'response_url' && c.responseUrl === responseUrl)).args;
}

/** A ¥400 offer by a junior manager (one approver), opened at `at`. */
async function requestAt(at: string) {
  t.clock.set(at);
  const customer = `C02${String(customers++).padStart(2, '0')}`;
  return r.submitForApproval('U0DEMOAM2', { customer, offer: 'bill_discount_10pct_6m', outcome: 'retained' });
}

const deputyDms = (requestId: bigint) =>
  t.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === `D${deputy}` && JSON.stringify(c.args.blocks).includes(`"value":"${requestId}"`));

describe('/am away', () => {
  it('records the window in the supervisor’s time zone and says so', async () => {
    const answer = await am(sup1, `away 2026-11-24 2026-11-25 <@${deputy}|deputy>`);
    expect(answer.text).toContain(`<@${deputy}>`);
    const [row] = await t.bot.db.approvalDelegation.findMany();
    expect(row).toMatchObject({ delegatorId: sup1, deputyId: deputy });
    expect([row!.startsAt.toISOString(), row!.endsAt.toISOString()]).toEqual(['2026-11-23T16:00:00.000Z', '2026-11-25T16:00:00.000Z']);
  });

  it('refuses a manager, a deputy who is not a supervisor, dates it cannot read, and stores nothing', async () => {
    expect((await am('U0DEMOAM1', `away 2026-11-24 2026-11-25 <@${deputy}>`)).text).toContain('只有主管');
    expect((await am(sup1, 'away 2026-11-24 2026-11-25 <@U0DEMOAM1>')).text).toContain('is not a supervisor');
    expect((await am(sup1, `away 2026-11-26 2026-11-25 <@${deputy}>`)).text).toContain('could not read');
    expect((await am(sup1, 'away 2026-11-24')).text).toContain('Usage: `/am away');
    expect(await t.bot.db.approvalDelegation.count()).toBe(1);
  });
});

describe('requests at the window’s boundaries', () => {
  it('a request opened one second before the window does not go to the deputy, who may not decide it', async () => {
    const { request, message } = await requestAt('2026-11-23T15:59:59Z');
    await t.bot.ctx.outbox.idle();
    expect(deputyDms(request.id)).toHaveLength(0);
    const { responseUrl } = await r.click(deputy, approvalIds.approve, message);
    const answer = (await t.slack.waitFor((c) => c.method === 'response_url' && c.responseUrl === responseUrl)).args;
    expect(answer.text).toMatch(/supervisor|cannot|not/i);
    expect(await t.bot.db.approvalRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({ status: 'pending' });
  });

  it('a request opened at the window’s first instant goes to the deputy, who approves it on the supervisor’s behalf', async () => {
    const { request, message } = await requestAt('2026-11-23T16:00:00Z');
    await t.bot.ctx.outbox.idle();
    const [dm] = deputyDms(request.id);
    expect(dm, 'the deputy got the request').toBeDefined();
    expect(JSON.stringify(dm!.args.blocks)).toContain(`<@${sup1}>, who is away`);
    // The deputy decides from the DM.
    const posted = t.slack.messageIn(`D${deputy}`, (m) => m.ts === dm!.response.ts)!;
    await r.click(deputy, approvalIds.approve, posted);
    await until(async () => (await t.bot.db.approvalRequest.findUniqueOrThrow({ where: { id: request.id } })).status === 'approved', 'the deputy’s approval');
    await t.bot.ctx.outbox.idle();
    const decided = await t.bot.db.approvalRequest.findUniqueOrThrow({ where: { id: request.id }, include: { decisions: true } });
    expect(decided).toMatchObject({ status: 'approved', decisions: [{ deciderId: deputy, verdict: 'approve', onBehalfOfId: sup1 }] });
    // The channel message says on whose behalf (the bot's language there is Chinese).
    expect(shown(r.current(message))).toContain(`（代 <@${sup1}>）`);
  });

  it('a request opened at the window’s last second goes to the deputy; one opened at its end does not', async () => {
    const last = await requestAt('2026-11-25T15:59:59Z');
    await t.bot.ctx.outbox.idle();
    expect(deputyDms(last.request.id)).toHaveLength(1);
    const after = await requestAt('2026-11-25T16:00:00Z');
    await t.bot.ctx.outbox.idle();
    expect(deputyDms(after.request.id)).toHaveLength(0);
  });
});

describe('abstaining on a two-approver request', () => {
  it('steps aside, shows it, asks the next supervisor in the thread; the abstainer votes no more', async () => {
    t.clock.set('2026-11-27T02:00:00Z');
    const { request, message } = await r.submitForApproval('U0DEMOAM1', { customer: 'C0001', offer: 'private_line_discount_12m', outcome: 'retained' });
    expect(request.requiredApprovals).toBe(2);
    expect(shown(message)).toContain(approvalIds.abstain);

    const { responseUrl } = await r.click(sup1, approvalIds.abstain, message);
    expect((await t.slack.waitFor((c) => c.method === 'response_url' && c.responseUrl === responseUrl)).args.text).toContain('stepped aside');
    await t.bot.ctx.outbox.idle();
    const asked = t.slack.messages().find((m) => m.channel === supervisorChannel && m.thread_ts === message.ts && String(m.text).includes('弃权'));
    expect(asked?.text).toContain(`<@${sup2}>`);
    expect(asked?.text).toContain(`<@${sup1}>`);
    expect(shown(r.current(message))).toContain(`<@${sup1}> 弃权`);

    const again = await r.click(sup1, approvalIds.approve, message);
    expect((await t.slack.waitFor((c) => c.method === 'response_url' && c.responseUrl === again.responseUrl)).args.text).toContain('You stepped aside');
    await r.approve(sup2, message);
    await r.approve(sup3, message);
    await t.bot.ctx.outbox.idle();
    await until(async () => (await t.bot.db.approvalRequest.findUniqueOrThrow({ where: { id: request.id } })).status === 'approved', 'the second approval');
    const decided = await t.bot.db.approvalRequest.findUniqueOrThrow({ where: { id: request.id }, include: { decisions: { orderBy: { id: 'asc' } } } });
    expect(decided.status).toBe('approved');
    expect(decided.decisions.map((d) => [d.deciderId, d.verdict])).toEqual([
      [sup1, 'abstain'],
      [sup2, 'approve'],
      [sup3, 'approve'],
    ]);
  });

  it('is refused on a one-approver request (which offers no Abstain button)', async () => {
    const { request, message } = await requestAt('2026-11-27T03:00:00Z');
    expect(shown(message)).not.toContain(approvalIds.abstain);
    await expect(decideApproval(t.bot.ctx, { requestId: request.id, deciderId: sup1, verdict: 'abstain' })).rejects.toMatchObject({ code: 'approval_abstain_single' });
    t.slack.assertNoRejections();
  });
});

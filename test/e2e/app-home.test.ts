// The App Home tab per role on the seeded directory (plus October's activity): what
// each person sees, that the approval buttons work from the Home, that a change
// refreshes it, and that 500 open items page instead of breaking Slack's limits (the
// fake Slack validates every views.publish like Slack does).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { approvalIds, homeIds, ticketIds } from '../../src/slack/ids.ts';
import { refreshRequestMessages } from '../../src/slack/xregion/request-messages.ts';
import { seedOctoberActivity, ticket } from '../support/report-fixtures.ts';
import { pendingOffer } from '../support/retention-fixtures.ts';
import { startTestBot, type TestBot } from '../support/test-bot.ts';

let t: TestBot;
let approvalId: bigint;
const current: Record<'claimed' | 'unclaimed' | 'shanghai', string> = { claimed: '', unclaimed: '', shanghai: '' };

const textOf = (view: any) => JSON.stringify(view?.blocks ?? []);
const blocksOf = (view: any, section: string) => (view?.blocks ?? []).filter((b: any) => String(b.block_id ?? '').startsWith(`home.${section}.`));
const itemCodes = (view: any, section: string) =>
  blocksOf(view, section)
    .filter((b: any) => /^home\.[a-z_]+\.\d+$/.test(b.block_id))
    .map((b: any) => /\((C\d+)\)|（(C\d+)）|(XR-FIX-\d+)|(T-FIX-\d+)/.exec(b.text.text)?.slice(1).find(Boolean) ?? b.text.text);

/** Opens the Home tab as Slack does and returns the view the bot published. */
async function openHome(userId: string) {
  t.slack.reset();
  const response = await t.driver.event({ type: 'app_home_opened', user: userId, channel: `D${userId}`, tab: 'home' });
  expect(response.status).toBe(200);
  await t.slack.waitFor((c) => c.method === 'views.publish' && c.args.user_id === userId, 10_000);
  t.slack.assertNoRejections();
  return t.slack.homeViewOf(userId)!;
}

beforeAll(async () => {
  t = await startTestBot({ now: '2026-11-23T02:00:00Z' });
  for (const id of ['U0DEMOAM1', 'U0DEMOAM2', 'U0DEMOSUP1', 'U0DEMOENG1', 'U0ADMIN']) t.slack.setUser(id, { locale: 'en-US', tz: 'Asia/Shanghai' });
  t.slack.setUser('U0STRANGER', { locale: 'zh-CN', tz: 'Asia/Shanghai' });
  // The directory has been in use since January, so cadences count from then.
  await t.bot.db.customer.updateMany({ data: { createdAt: new Date('2026-01-01T00:00:00Z') } });
  await seedOctoberActivity(t.bot.db);
  approvalId = await pendingOffer(t.bot.db, t.clock, { customerCode: 'C0005' });
  // Now is 10:00 in Beijing: one ticket claimed by 张伟 due at 11:20, one unclaimed due at 09:25, one in Shanghai.
  current.claimed = (await ticket(t.bot.db, { customerCode: 'C0001', region: 'BJ', level: 'AAA', scope: 'within_province', openedLocal: '2026-11-23T09:20:00', windowHours: 2, status: 'claimed' })).number;
  current.unclaimed = (await ticket(t.bot.db, { customerCode: 'C0004', region: 'BJ', level: 'AAA', scope: 'within_province', openedLocal: '2026-11-23T07:25:00', windowHours: 2, status: 'open' })).number;
  current.shanghai = (await ticket(t.bot.db, { customerCode: 'C0006', region: 'SH', level: 'AAA', scope: 'within_province', openedLocal: '2026-11-23T09:00:00', windowHours: 2, status: 'open' })).number;
  await t.bot.db.deliveryFailure.create({ data: { method: 'chat.postMessage', channel: 'C0GONE', error: 'channel_not_found', context: 'approval:1' } });
});
afterAll(() => t.stop());
beforeEach(() => t.clock.set('2026-11-23T02:00:00Z'));

describe('an account manager’s Home', () => {
  it('lists their follow-ups due, open cross-region requests and considering cases — nobody else’s', async () => {
    const view = await openHome('U0DEMOAM1');
    // C0001 last seen 10-15 (AAA, every 14 days), C0004 on 10-20 (diamond, 14 days); C0002 has churned; C0003 is 李强's.
    expect(itemCodes(view, 'follow_ups')).toEqual(['C0001', 'C0004']);
    // The open request about C0004, and the one they opened for a Shanghai member; answered ones are gone.
    expect(itemCodes(view, 'xregion')).toEqual(['XR-FIX-0005', 'XR-FIX-0003']);
    expect(itemCodes(view, 'retention')).toEqual(['C0004']);
    expect(textOf(view)).toContain('overdue by 25 days');
    expect(blocksOf(view, 'approvals')).toEqual([]);
    // Their customers' open tickets, soonest deadline first: October's unrestored one (C0002), then today's.
    expect(itemCodes(view, 'customer_tickets')).toEqual(['T-FIX-0004', current.unclaimed, current.claimed]);
  });

  it('says so when a section is empty', async () => {
    const view = await openHome('U0DEMOAM2');
    expect(itemCodes(view, 'follow_ups')).toEqual([]);
    expect(textOf(view)).toContain('Nothing here right now.');
  });

  it('is refreshed when they log a visit', async () => {
    await openHome('U0DEMOAM1');
    const responseUrl = t.slack.responseUrl();
    await t.driver.command({ command: '/visit', text: 'C0001 phone Talked about the renewal', userId: 'U0DEMOAM1', responseUrl });
    await t.slack.waitFor((c) => c.method === 'views.publish' && c.args.user_id === 'U0DEMOAM1' && !JSON.stringify(c.args.view).includes('(C0001)'), 10_000);
    expect(itemCodes(t.slack.homeViewOf('U0DEMOAM1'), 'follow_ups')).toEqual(['C0004']);
  });

  it('is refreshed when a cross-region request about their customer is answered', async () => {
    await openHome('U0DEMOAM1');
    const request = await t.bot.db.xregionRequest.update({ where: { number: 'XR-FIX-0005' }, data: { status: 'replied', closedAt: t.clock.now() } });
    // What the reply and reject handlers call after the answer is stored.
    await refreshRequestMessages(t.bot.ctx, request.id);
    // The change marked the Home; the refresher publishes it once the outbox is idle.
    await t.bot.ctx.outbox.idle();
    expect(itemCodes(t.slack.homeViewOf('U0DEMOAM1'), 'xregion')).toEqual(['XR-FIX-0003']);
    await t.bot.db.xregionRequest.update({ where: { id: request.id }, data: { status: 'open', closedAt: null } });
  });
});

describe('Home refreshes on a Slack budget', () => {
  const publishesTo = (userId: string) => t.slack.callsTo('views.publish').filter((c) => c.args.user_id === userId).length;

  it('publishes only the Homes whose view changed, and a burst of changes once per viewer per window', async () => {
    await openHome('U0DEMOAM1');
    await openHome('U0DEMOAM2');
    t.slack.reset();
    const request = await t.bot.db.xregionRequest.update({ where: { number: 'XR-FIX-0005' }, data: { status: 'replied', closedAt: t.clock.now() } });
    try {
      // Both managers' Homes are marked; only 王芳's (AM1) lists that request. A minute
      // later, so the "Updated …" stamp differs: that alone is no reason to republish.
      t.clock.set('2026-11-23T02:01:00Z');
      await t.bot.ctx.homes.refresh(['U0DEMOAM1', 'U0DEMOAM2']);
      await t.bot.ctx.outbox.idle();
      expect([publishesTo('U0DEMOAM1'), publishesTo('U0DEMOAM2')]).toEqual([1, 0]);

      // Three changes in a row within the coalescing window: one views.publish when it has passed.
      t.bot.ctx.config.home.coalesceMillis = 60_000;
      for (const status of ['open', 'replied', 'open'] as const) {
        await t.bot.db.xregionRequest.update({ where: { id: request.id }, data: { status, closedAt: status === 'open' ? null : t.clock.now() } });
        await t.bot.ctx.homes.refresh(['U0DEMOAM1']);
        await t.bot.ctx.outbox.idle();
      }
      expect(publishesTo('U0DEMOAM1')).toBe(1);
      // The window passes (the last build is a minute old): the latest state goes out, once.
      await t.bot.db.$executeRawUnsafe(`UPDATE home_tab_opens SET built_at = built_at - interval '61 seconds' WHERE slack_user_id = 'U0DEMOAM1'`);
      await t.bot.ctx.outbox.idle();
      expect(publishesTo('U0DEMOAM1')).toBe(2);
      expect(itemCodes(t.slack.homeViewOf('U0DEMOAM1'), 'xregion')).toEqual(['XR-FIX-0005', 'XR-FIX-0003']);
    } finally {
      t.bot.ctx.config.home.coalesceMillis = 0;
      await t.bot.db.xregionRequest.update({ where: { id: request.id }, data: { status: 'open', closedAt: null } });
    }
  });
});

describe('a supervisor’s Home', () => {
  it('shows pending approvals with working buttons, and what is overdue in the region', async () => {
    const view = await openHome('U0DEMOSUP1');
    const decide = blocksOf(view, 'approvals').find((b: any) => b.type === 'actions');
    expect(decide.elements.map((e: any) => [e.action_id, e.value])).toEqual([
      [approvalIds.approve, String(approvalId)],
      [approvalIds.reject, String(approvalId)],
    ]);
    // The request past its reply deadline first, then follow-ups, longest overdue first.
    expect(itemCodes(view, 'region_overdue')).toEqual(['XR-FIX-0003', 'C0004']);
    // Tickets past their restore deadline and not restored.
    expect(itemCodes(view, 'breaches')).toEqual(['T-FIX-0004', current.unclaimed]);

    t.slack.reset();
    await t.driver.blockAction({ userId: 'U0DEMOSUP1', actionId: approvalIds.approve, blockId: decide.block_id, view });
    await t.slack.waitFor((c) => c.method === 'views.publish' && c.args.user_id === 'U0DEMOSUP1' && !JSON.stringify(c.args.view).includes(approvalIds.approve), 10_000);
    t.slack.assertNoRejections();
    expect((await t.bot.db.approvalRequest.findUniqueOrThrow({ where: { id: approvalId } })).status).toBe('approved');
  });
});

describe('a field engineer’s Home', () => {
  it('shows their claimed tickets and their region’s unclaimed ones, with countdowns', async () => {
    const view = await openHome('U0DEMOENG1');
    expect(itemCodes(view, 'my_tickets')).toEqual(['T-FIX-0004', current.claimed]);
    expect(itemCodes(view, 'unclaimed_tickets')).toEqual([current.unclaimed]); // not Shanghai's
    const text = textOf(view);
    expect(text).toContain('1 h 20 min left'); // due 11:20, now 10:00
    expect(text).toContain('overdue by 0 h 35 min'); // due 09:25
  });

  it('claims a ticket from the Home with the same button as in the channel', async () => {
    // A colleague of the region who has never opened their Home is left alone.
    await t.bot.db.staff.create({ data: { slackUserId: 'U0ENGBJ2', name: 'Not Looking', role: 'field_engineer', regionCode: 'BJ' } });
    const view = await openHome('U0DEMOENG1');
    const row = blocksOf(view, 'unclaimed_tickets').find((b: any) => b.accessory?.action_id === ticketIds.claim);
    t.slack.reset();
    await t.driver.blockAction({ userId: 'U0DEMOENG1', actionId: ticketIds.claim, blockId: row.block_id, view });
    await t.slack.waitFor((c) => c.method === 'views.publish' && c.args.user_id === 'U0DEMOENG1' && JSON.stringify(c.args.view).includes('home.unclaimed_tickets.empty'), 10_000);
    t.slack.assertNoRejections();
    const ticketNow = await t.bot.db.ticket.findUniqueOrThrow({ where: { number: current.unclaimed } });
    expect([ticketNow.status, ticketNow.claimerId]).toEqual(['claimed', 'U0DEMOENG1']);
    expect(itemCodes(t.slack.homeViewOf('U0DEMOENG1'), 'my_tickets')).toEqual(['T-FIX-0004', current.unclaimed, current.claimed]);
    // The customer's manager and the region's overseers are refreshed too.
    for (const userId of ['U0DEMOAM1', 'U0DEMOSUP1']) {
      await t.slack.waitFor((c) => c.method === 'views.publish' && c.args.user_id === userId, 10_000);
    }
    expect(itemCodes(t.slack.homeViewOf('U0DEMOSUP1'), 'breaches')).toEqual(['T-FIX-0004', current.unclaimed]);
    expect(t.slack.callsTo('views.publish').filter((c) => c.args.user_id === 'U0ENGBJ2')).toEqual([]);
  });
});

describe('other people’s Homes', () => {
  it('shows an admin the refused Slack deliveries', async () => {
    const view = await openHome('U0ADMIN');
    expect(textOf(view)).toContain('channel_not_found');
    expect(textOf(view)).toContain('C0GONE');
  });

  it('shows an engineer without a region only their own tickets', async () => {
    await t.bot.db.staff.create({ data: { slackUserId: 'U0ENGNOREGION', name: 'No Region', role: 'field_engineer' } });
    t.slack.setUser('U0ENGNOREGION', { locale: 'en-US', tz: 'Asia/Shanghai' });
    const view = await openHome('U0ENGNOREGION');
    expect(itemCodes(view, 'my_tickets')).toEqual([]);
    expect(blocksOf(view, 'unclaimed_tickets')).toEqual([]);
  });

  it('greets someone unregistered courteously and says whom to ask', async () => {
    const text = textOf(await openHome('U0STRANGER'));
    expect(text).toContain('还没有在大客户服务机器人中登记');
    expect(text).toContain('<@U0ADMIN>');
  });

  it('draws nothing for the Messages tab', async () => {
    t.slack.reset();
    await t.driver.event({ type: 'app_home_opened', user: 'U0DEMOAM1', channel: 'DU0DEMOAM1', tab: 'messages' });
    await t.driver.event({ type: 'app_home_opened', user: 'U0DEMOAM2', channel: 'DU0DEMOAM2', tab: 'home' });
    await t.slack.waitFor((c) => c.method === 'views.publish' && c.args.user_id === 'U0DEMOAM2', 10_000);
    expect(t.slack.callsTo('views.publish').map((c) => c.args.user_id)).toEqual(['U0DEMOAM2']);
  });
});

describe('with 500 open items', () => {
  beforeAll(async () => {
    const db = t.bot.db;
    await db.customer.createMany({
      data: Array.from({ length: 500 }, (_, i) => ({
        code: `C9${String(i).padStart(4, '0')}`,
        name: `批量客户 ${i}`,
        kind: 'vip' as const,
        cardTier: 'silver' as const,
        regionCode: 'BJ',
        accountManagerId: 'U0DEMOAM1',
        joinedOn: new Date('2020-01-01T00:00:00Z'),
        createdAt: new Date('2026-01-01T00:00:00Z'),
      })),
    });
    const template = await db.approvalRequest.findUniqueOrThrow({ where: { id: approvalId } });
    const { id: _id, updatedAt: _updated, ...fields } = template;
    await db.approvalRequest.createMany({
      data: Array.from({ length: 500 }, () => ({ ...fields, details: fields.details as object, status: 'pending' as const, approvalCount: 0, decidedAt: null })),
    });
  });

  it('stays valid Block Kit within 100 blocks and pages through a section', async () => {
    const manager = await openHome('U0DEMOAM1');
    expect(manager.blocks.length).toBeLessThanOrEqual(100);
    expect(textOf(manager)).toMatch(/50\d in all · page 1 of 63/);

    const pending = await t.bot.db.approvalRequest.count({ where: { status: 'pending' } });
    expect(pending).toBeGreaterThanOrEqual(500);
    const view = await openHome('U0DEMOSUP1');
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(textOf(view)).toContain(`${pending} in all · page 1 of 63`);
    const firstPage = blocksOf(view, 'approvals').filter((b: any) => b.type === 'actions' && b.block_id.endsWith('.decide'));
    expect(firstPage).toHaveLength(8);

    t.slack.reset();
    await t.driver.blockAction({ userId: 'U0DEMOSUP1', actionId: homeIds.nextPage, blockId: 'home.approvals.paging', view });
    await t.slack.waitFor((c) => c.method === 'views.publish' && c.args.user_id === 'U0DEMOSUP1', 10_000);
    t.slack.assertNoRejections();
    const second = t.slack.homeViewOf('U0DEMOSUP1')!;
    expect(textOf(second)).toContain(`${pending} in all · page 2 of 63`);
    expect(JSON.parse(second.private_metadata)).toEqual({ pages: { approvals: 2 } });
    const secondIds = blocksOf(second, 'approvals').filter((b: any) => b.block_id.endsWith('.decide')).map((b: any) => b.elements[0].value);
    expect(secondIds).toHaveLength(8);
    expect(secondIds.some((id: string) => firstPage.map((b: any) => b.elements[0].value).includes(id))).toBe(false);

    t.slack.reset();
    await t.driver.blockAction({ userId: 'U0DEMOSUP1', actionId: homeIds.previousPage, blockId: 'home.approvals.paging', view: second });
    await t.slack.waitFor((c) => c.method === 'views.publish' && c.args.user_id === 'U0DEMOSUP1', 10_000);
    expect(textOf(t.slack.homeViewOf('U0DEMOSUP1'))).toContain(`${pending} in all · page 1 of 63`);
  });
});

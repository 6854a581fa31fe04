// /ticket help, list (mine / region / breached / by customer, paged) and show.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTicket } from '../../src/domain/tickets/open-ticket.ts';
import { claimTicket } from '../../src/domain/tickets/claim-ticket.ts';
import { startTestBot, type TestBot } from '../support/test-bot.ts';
import { introducePeople, people, ticketCommand } from '../support/tickets.ts';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot({ now: '2026-11-23T02:00:00Z' });
  introducePeople(t.slack);
  // Twelve Beijing tickets (C0001 AAA: 2 h, C0003 A: 6 h), one in Shanghai; the engineer holds two.
  for (let i = 0; i < 12; i++) {
    await openTicket(t.bot.ctx, { actorId: people.am1, customerCode: i % 2 ? 'C0003' : 'C0001', serviceType: 'data_line', scope: 'within_province', description: `fault ${i}` });
  }
  await openTicket(t.bot.ctx, { actorId: people.am3, customerCode: 'C0006', serviceType: 'apn_line', scope: 'within_province', description: 'SH fault' });
  await claimTicket(t.bot.ctx, { ticket: 'T-20261123-001', actorId: people.eng1 });
  await claimTicket(t.bot.ctx, { ticket: 'T-20261123-002', actorId: people.eng1 });
});
afterAll(() => t.stop());

const lines = (answer: Record<string, any>) => JSON.stringify(answer.blocks).match(/T-20261123-\d{3}/g) ?? [];

describe('/ticket', () => {
  it('answers help (and an empty /ticket) with every subcommand and the SLA', async () => {
    for (const text of ['help', '']) {
      const answer = await ticketCommand(t, people.eng1, text);
      const shown = JSON.stringify(answer.blocks);
      for (const sub of ['new', 'claim', 'onsite', 'restore', 'close', 'release', 'reassign', 'cancel', 'major', 'show', 'list']) expect(shown).toContain(`/ticket ${sub}`);
      expect(shown).toContain('AAA 2 h');
      expect(shown).toContain('30/10 minutes');
    }
  });

  it('lists my tickets: the ones I claimed; for an account manager, those of their customers', async () => {
    expect(lines(await ticketCommand(t, people.eng1, 'list mine'))).toEqual(['T-20261123-001', 'T-20261123-002']);
    expect(lines(await ticketCommand(t, people.am3, 'list'))).toEqual(['T-20261123-013']);
  });

  it('pages through the region, soonest deadline first', async () => {
    const first = await ticketCommand(t, people.sup1, 'list region');
    expect(lines(first)).toHaveLength(10);
    expect(lines(first).slice(0, 6)).toEqual(['001', '003', '005', '007', '009', '011'].map((n) => `T-20261123-${n}`));
    expect(JSON.stringify(first.blocks)).toContain('Page 1 of 2');
    expect(JSON.stringify(first.blocks)).toContain('/ticket list region 2');
    const second = await ticketCommand(t, people.sup1, 'list region 2');
    expect(lines(second)).toHaveLength(2);
    expect(lines(second)).not.toContain('T-20261123-013');
  });

  it('lists what is past its deadline, and one customer’s tickets', async () => {
    t.clock.set('2026-11-23T05:00:00Z');
    expect(lines(await ticketCommand(t, people.sup1, 'list breached'))).toEqual(['001', '003', '005', '007', '009', '011'].map((n) => `T-20261123-${n}`));
    expect(lines(await ticketCommand(t, people.admin, 'list C0006'))).toEqual(['T-20261123-013']);
    expect((await ticketCommand(t, people.admin, 'list C9999')).text).toContain('no customer `C9999`');
    expect((await ticketCommand(t, people.admin, 'list everything please')).text).toContain('Usage');
  });

  it('shows a ticket, and explains a wrong number or subcommand', async () => {
    const shown = await ticketCommand(t, people.am1, 'show t-20261123-002');
    expect(JSON.stringify(shown.blocks)).toContain('T-20261123-002');
    expect(JSON.stringify(shown.blocks)).toContain('认领');
    expect((await ticketCommand(t, people.eng1, 'show T-20991231-999')).text).toContain('cannot find ticket `T-20991231-999`');
    expect((await ticketCommand(t, people.eng1, 'claim')).text).toContain('/ticket claim T-');
    expect((await ticketCommand(t, people.eng1, 'fly')).text).toContain('`/ticket fly`');
    t.slack.assertNoRejections();
  });

  it('keeps the ticket API closed when no token is configured', async () => {
    const res = await fetch(`${t.baseUrl}/api/tickets`, { method: 'POST', headers: { authorization: 'Bearer anything-at-all-here' }, body: '{}' });
    expect(res.status).toBe(401);
  });
});

// POST /api/tickets: a fault-management system opens tickets without Slack. Bearer
// token from config; a wrong one gets 401 and nothing is stored; bodies are validated;
// a retried call (same externalRef) does not open a second ticket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/test-bot.ts';
import { channels, introducePeople, postsTo, until } from '../support/tickets.ts';

const token = 'fault-system-token-0123456789';
let t: TestBot;
beforeAll(async () => {
  t = await startTestBot({ now: '2026-11-23T02:00:00Z', env: { TICKET_API_TOKEN: token } });
  introducePeople(t.slack);
});
afterAll(() => t.stop());

const body = { customerCode: 'C0004', serviceType: 'voice_line', scope: 'across_provinces', description: 'No dial tone', contactPhone: '138 0013 8000', source: 'fms' };

async function post(payload: unknown, authorization?: string) {
  const res = await fetch(`${t.baseUrl}/api/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
  return { status: res.status, json: (await res.json()) as Record<string, any> };
}

const stored = async () => ({ tickets: await t.bot.db.ticket.count(), audit: await t.bot.db.auditEntry.count({ where: { action: 'ticket.opened' } }), timers: await t.bot.db.timer.count() });

describe('POST /api/tickets', () => {
  it('answers 401 to a missing or wrong token and stores nothing', async () => {
    const before = await stored();
    expect((await post(body)).status).toBe(401);
    expect((await post(body, `Bearer ${token}x`)).status).toBe(401);
    expect((await post(body, token)).status).toBe(401);
    expect(await stored()).toEqual(before);
    expect(before.tickets).toBe(0);
    expect(t.slack.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('answers 400 with the problems when the body is not valid, and stores nothing', async () => {
    const bad = await post({ ...body, scope: 'galactic', contactPhone: 'call me', extra: true }, `Bearer ${token}`);
    expect(bad.status).toBe(400);
    expect(bad.json.issues.map((i: { path: string }) => i.path).sort()).toEqual(['', 'contactPhone', 'scope']);
    expect((await post('not json', `Bearer ${token}`)).status).toBe(400);
    expect((await post({ ...body, customerCode: 'C9999' }, `Bearer ${token}`)).json).toMatchObject({ ok: false, error: 'ticket_unknown_customer' });
    expect((await stored()).tickets).toBe(0);
  });

  it('opens a ticket at the level of the policy and posts it to the region channel', async () => {
    const created = await post({ ...body, externalRef: 'FMS-1001' }, `Bearer ${token}`);
    expect(created.status).toBe(201);
    // C0004 is a diamond VIP: AAA through the policy, 4 h across provinces.
    expect(created.json).toMatchObject({ ok: true, created: true, number: 'T-20261123-001', serviceLevel: 'AAA', status: 'open', restoreDeadline: '2026-11-23T06:00:00.000Z' });
    const ticket = await t.bot.db.ticket.findUniqueOrThrow({ where: { number: 'T-20261123-001' } });
    expect(ticket).toMatchObject({ openedById: 'api:fms', contactPhone: '13800138000', externalRef: 'FMS-1001' });
    await until(t, 'channel post', () => postsTo(t, channels.bjTickets, (text) => text.includes('T-20261123-001')).length === 1);
  });

  it('returns the same ticket when the call is repeated', async () => {
    const again = await post({ ...body, externalRef: 'FMS-1001' }, `Bearer ${token}`);
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ created: false, number: 'T-20261123-001' });
    expect((await stored()).tickets).toBe(1);
  });

  it('opens a major fault with the other affected customers', async () => {
    const major = await post({ ...body, customerCode: 'C0001', externalRef: 'FMS-1002', affectedCustomerCodes: ['C0002', 'C0006'] }, `Bearer ${token}`);
    expect(major.json).toMatchObject({ created: true, major: true });
    await until(t, 'escalation', () => postsTo(t, channels.shSupervisors, (text) => text.includes(major.json.number)).length === 1);
    expect(await t.bot.db.ticketAffectedCustomer.count({ where: { ticket: { number: major.json.number } } })).toBe(2);
    t.slack.assertNoRejections();
  });
});

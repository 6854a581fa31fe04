// The outbox keeps every promise through Slack's bad moments, in one bot process with
// the test clock deciding when retries are due: an outage of a minute only delays the
// tickets' posts (each arrives once, with its Claim button), an answer lost between
// Slack's OK and the bot (a cut connection, a crash) is found again by its metadata
// instead of being posted twice, and what Slack keeps failing past the give-up time is
// shown to the admins.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticketIds } from '../../src/slack/ids.ts';
import { startTestBot, type TestBot } from '../support/test-bot.ts';
import { buttonIds, channels, introducePeople, people, until } from '../support/tickets.ts';

const token = 'outbox-test-token-0123456789';
let t: TestBot;
beforeAll(async () => {
  t = await startTestBot({
    now: '2026-11-23T02:00:00Z',
    // Fast sender retries (the outbox does the long ones) and a short give-up for the last test.
    env: { TICKET_API_TOKEN: token, SLACK_RETRY_BACKOFF_MS: '1', OUTBOX_RETRY_BACKOFF_MS: '5000', OUTBOX_GIVE_UP_AFTER_MINUTES: '30' },
  });
  introducePeople(t.slack);
});
afterAll(() => t.stop());

async function openByApi(customerCode: string, externalRef: string) {
  const response = await fetch(`${t.baseUrl}/api/tickets`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ customerCode, serviceType: 'data_line', scope: 'within_province', description: 'No traffic', externalRef }),
  });
  return { status: response.status, body: (await response.json()) as { number: string; id: string } };
}

/** Top-level posts of a ticket's channel message that Slack holds (accepted, answer seen or not). */
function channelMessagesOf(number: string) {
  return t.slack.messages().filter((m) => m.channel === channels.bjTickets && !m.thread_ts && m.blocks?.[0]?.type === 'header' && m.blocks[0].text.text.startsWith(number));
}

async function advance(minutes: number) {
  t.clock.set(new Date(t.clock.now().getTime() + minutes * 60_000).toISOString());
  await t.bot.ctx.outbox.idle();
}

describe('the outbox', { timeout: 60_000 }, () => {
  it('delivers every confirmed ticket once after a one-minute Slack outage', async () => {
    t.slack.setFaults({ rate500: 1 });
    const opened: Awaited<ReturnType<typeof openByApi>>[] = [];
    for (const [i, code] of ['C0001', 'C0002', 'C0003'].entries()) opened.push(await openByApi(code, `OUTAGE-${i}`));
    expect(opened.map((o) => o.status)).toEqual([201, 201, 201]);
    // A retry of the same call during the outage: the same ticket, nothing new to post.
    expect((await openByApi('C0001', 'OUTAGE-0')).status).toBe(200);

    // Slack answers 500 to everything for a minute: nothing is posted, nothing is lost.
    await t.bot.ctx.outbox.idle();
    for (let second = 0; second < 60; second += 30) await advance(0.5);
    for (const { body } of opened) expect(channelMessagesOf(body.number)).toHaveLength(0);
    expect(await t.bot.db.outboxMessage.count({ where: { doneAt: null } })).toBeGreaterThanOrEqual(3);

    // Slack is back: the next retry delivers each ticket once, with its Claim button.
    t.slack.clearFaults();
    await advance(6);
    for (const { body } of opened) {
      const posted = channelMessagesOf(body.number);
      expect(posted, body.number).toHaveLength(1);
      expect(buttonIds(posted[0]!)).toContain(ticketIds.claim);
      const ticket = await t.bot.db.ticket.findUniqueOrThrow({ where: { number: body.number } });
      expect(ticket.messageTs).toBe(posted[0]!.ts);
    }
    // The AAA customer's account manager hears of the opening once.
    await until(t, 'manager notice', () => t.slack.messages().some((m) => m.channel === `D${people.am1}` && m.text?.includes(opened[0]!.body.number)));
    expect(t.slack.messages().filter((m) => m.channel === `D${people.am1}` && m.text?.includes(opened[0]!.body.number))).toHaveLength(1);
    expect(await t.bot.db.outboxMessage.count({ where: { doneAt: null } })).toBe(0);
  });

  it('does not post twice when Slack took a message but its answer was lost', async () => {
    t.slack.loseAnswers('chat.postMessage', 1, 'error');
    const { body } = await openByApi('C0004', 'LOST-1');
    await t.bot.ctx.outbox.idle();
    // Slack holds the message, the bot never saw the OK.
    expect(channelMessagesOf(body.number)).toHaveLength(1);
    expect(t.slack.calls.some((c) => c.lostAnswer === 'error')).toBe(true);

    await advance(1);
    const posted = channelMessagesOf(body.number);
    expect(posted).toHaveLength(1);
    expect((await t.bot.db.ticket.findUniqueOrThrow({ where: { number: body.number } })).messageTs).toBe(posted[0]!.ts);
    expect(t.slack.callsTo('conversations.history').length).toBeGreaterThan(0);

    // The same inside a thread: the claim's history line is taken by Slack, its answer lost.
    t.slack.loseAnswers('chat.postMessage', 1, 'error');
    const message = posted[0]!;
    const responseUrl = t.slack.responseUrl({ channel: message.channel, messageTs: message.ts, userId: people.eng1 });
    await t.driver.blockAction({ userId: people.eng1, actionId: ticketIds.claim, message, responseUrl });
    await t.slack.waitFor((c) => c.method === 'response_url' && c.responseUrl === responseUrl);
    await t.bot.ctx.outbox.idle();
    await advance(1);
    expect(t.slack.messages().filter((m) => m.thread_ts === message.ts)).toHaveLength(1);
    expect(t.slack.callsTo('conversations.replies').length).toBeGreaterThan(0);
    expect(await t.bot.db.outboxMessage.count({ where: { doneAt: null } })).toBe(0);
  });

  it('gives up after OUTBOX_GIVE_UP_AFTER_MINUTES and shows the admins what was not delivered', async () => {
    t.slack.setFaults({ method: 'chat.postMessage', rate500: 1 });
    const { body } = await openByApi('C0005', 'GIVE-UP-1');
    await t.bot.ctx.outbox.idle();
    for (let i = 0; i < 8; i++) await advance(5);
    const row = await t.bot.db.outboxMessage.findFirstOrThrow({ where: { kind: 'ticket.opened', payload: { path: ['ticketId'], equals: body.id } } });
    expect(row.outcome).toBe('gave_up');
    const failures = await t.bot.db.deliveryFailure.findMany({ where: { method: 'outbox', channel: `ticket:${body.id}` } });
    expect(failures).toHaveLength(1);
    expect(failures[0]!.context).toContain('ticket.opened');
    t.slack.clearFaults();
  });
});

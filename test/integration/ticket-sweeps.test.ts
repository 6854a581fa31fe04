// Durable pings across restarts and processes, on one real database and one fake Slack:
// pings that fell due while the bot was stopped arrive once after the next start (one
// catch-up message per ticket), two bots sweeping together send each ping once, and
// with Slack answering 429 and 500 to a share of calls every ping still arrives once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from '../../src/app.ts';
import { claimTicket } from '../../src/domain/tickets/claim-ticket.ts';
import { markOnSite } from '../../src/domain/tickets/mark-on-site.ts';
import { openTicket } from '../../src/domain/tickets/open-ticket.ts';
import type { TicketScope } from '../../src/generated/prisma/enums.ts';
import { sweepDueTimers } from '../../src/jobs/sweep-due-timers.ts';
import { timerHandlers } from '../../src/jobs/timer-handlers.ts';
import { startFakeSlack, type FakeSlack } from '../../src/sandbox/slack-stand-in/server.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { testClock } from '../support/test-clock.ts';
import { testConfig } from '../support/test-config.ts';
import { channels, introducePeople, people } from '../support/tickets.ts';

const clock = testClock('2026-11-23T02:00:00Z');
let database: TestDatabase;
let slack: FakeSlack;
const running: RunningBot[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  slack = await startFakeSlack();
  introducePeople(slack);
});
afterAll(async () => {
  for (const bot of running) await bot.stop().catch(() => {});
  await slack.close();
  await database.drop();
});

async function startOn(): Promise<RunningBot> {
  // Short waits between attempts and between messages to one channel: the fault test
  // makes Slack fail most calls, and every attempt takes its turn in the channel.
  const env = { SLACK_RETRY_BACKOFF_MS: '5', SLACK_CHANNEL_INTERVAL_MS: '2' };
  const bot = await startBot({ config: testConfig({ databaseUrl: database.url, slackApiUrl: slack.apiUrl, env }), clock, startJobs: false });
  running.push(bot);
  return bot;
}

async function stop(bot: RunningBot): Promise<void> {
  await bot.stop();
  running.splice(running.indexOf(bot), 1);
}

async function open(bot: RunningBot, customerCode: string, scope: TicketScope = 'within_province') {
  const { ticket } = await openTicket(bot.ctx, { actorId: people.am1, customerCode, serviceType: 'data_line', scope, description: 'No traffic' });
  // Its channel message comes from the outbox, like every announcement.
  await bot.ctx.outbox.idle();
  return ticket;
}

const sweepWith = (bot: RunningBot, owner: string) =>
  sweepDueTimers({ db: bot.db, handlers: timerHandlers(bot.ctx), logger: bot.ctx.logger, now: clock.now(), owner });

/** Accepted posts mentioning the ticket, other than its channel message and thread. */
function pingsAbout(number: string, where?: string) {
  return slack
    .callsTo('chat.postMessage')
    .filter((c) => c.ok && !c.args.thread_ts && c.args.blocks?.[0]?.type !== 'header' && String(c.args.text).includes(`*${number}*`))
    .filter((c) => !String(c.args.text).includes('<#') && (!where || c.response.channel === (/^[UW]/.test(where) ? `D${where}` : where)));
}

describe('a restart', () => {
  it('delivers what fell due while the bot was stopped once, in one message per ticket', async () => {
    const first = await startOn();
    const waiting = await open(first, 'C0001'); // AAA, 2 h: due 04:00, nobody claims it
    const held = await open(first, 'C0002'); // AA, 4 h: due 06:00, on site
    await claimTicket(first.ctx, { ticket: held.id, actorId: people.eng1 });
    await markOnSite(first.ctx, { ticket: held.id, actorId: people.eng1 });
    await first.ctx.outbox.idle();
    await stop(first);

    // Down from 02:00 to 05:45: seven steps of the first ticket, two of the second.
    clock.set('2026-11-23T05:45:00Z');
    const second = await startOn();
    await sweepWith(second, 'second');

    // One message in the channel: the SLA catch-up, which also says nobody holds the
    // ticket (the 15-minute "still unclaimed" re-ping is folded into it); one breach
    // escalation to the supervisors.
    const caughtUp = pingsAbout(waiting.number, channels.bjTickets);
    expect(caughtUp.map((c) => c.args.text)).toEqual([expect.stringMatching(/已超过时限[\s\S]*目前还没有人认领[\s\S]*合并了期间到期的 7 条提醒/)]);
    expect(pingsAbout(waiting.number, channels.bjSupervisors).map((c) => c.args.text)).toEqual([expect.stringContaining('SLA 超时')]);
    expect(pingsAbout(held.number, people.eng1).map((c) => c.args.text)).toEqual([expect.stringMatching(/30 minutes left[\s\S]*2 reminders/)]);

    // Nothing twice: not on a second sweep, not after another restart.
    const total = slack.callsTo('chat.postMessage').length;
    expect((await sweepWith(second, 'second')).fired).toBe(0);
    await stop(second);
    const third = await startOn();
    expect((await sweepWith(third, 'third')).fired).toBe(0);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(total);

    // And the countdown goes on from where it was.
    clock.set('2026-11-23T06:00:00Z');
    await sweepWith(third, 'third');
    expect(pingsAbout(waiting.number, channels.bjTickets).at(-1)!.args.text).toContain('已超过时限');
    expect(pingsAbout(held.number, people.eng1).at(-1)!.args.text).toContain('SLA is breached');
    expect(pingsAbout(waiting.number, channels.bjSupervisors)).toHaveLength(1);
    slack.assertNoRejections();
  });
});

describe('two bot processes on one database', () => {
  it('send each ping once when they sweep at the same moment', async () => {
    // The bot still running from the restart test, and a second one.
    const [a, b] = [running[0]!, await startOn()];
    clock.set('2026-11-24T02:00:00Z');
    const tickets = [];
    for (const code of ['C0001', 'C0002', 'C0003', 'C0004', 'C0005', 'C0001', 'C0002', 'C0003']) tickets.push(await open(a, code));
    await claimTicket(b.ctx, { ticket: tickets[1]!.id, actorId: people.eng1 });

    // 03:15: the re-ping of the unclaimed ones and the half-time ping of the AAA ones are due.
    clock.set('2026-11-24T03:15:00Z');
    for (let round = 0; round < 3; round++) await Promise.all([sweepWith(a, 'process-a'), sweepWith(b, 'process-b')]);

    for (const ticket of tickets) {
      const unclaimedReping = pingsAbout(ticket.number, channels.bjSupervisors);
      expect(unclaimedReping, ticket.number).toHaveLength(ticket === tickets[1] ? 0 : 1);
      const half = slack.callsTo('chat.postMessage').filter((c) => c.ok && String(c.args.text).includes(`*${ticket.number}*`) && /过半|half of the/.test(String(c.args.text)));
      expect(half, ticket.number).toHaveLength(ticket.windowMinutes === 120 ? 1 : 0);
    }
    const stamps = await a.db.ticketNotice.groupBy({ by: ['ticketId', 'key'], _count: true });
    expect(stamps.every((s) => s._count === 1)).toBe(true);
    slack.assertNoRejections();
  });
});

describe('Slack answering 429 and 500 to a share of calls', () => {
  it('still delivers every ping exactly once', async () => {
    const [a, b] = running as [RunningBot, RunningBot]; // the two processes of the previous test
    // The earlier tests' tickets are left out: only this test's pings are due.
    await a.db.timer.updateMany({ data: { dueAt: null } });
    clock.set('2026-11-25T02:00:00Z');
    const tickets = [];
    for (let i = 0; i < 8; i++) tickets.push(await open(a, i % 2 ? 'C0001' : 'C0004')); // AAA: half time at 03:00
    for (const ticket of tickets.slice(0, 3)) await claimTicket(a.ctx, { ticket: ticket.id, actorId: people.eng1 });
    const before = slack.callsTo('chat.postMessage').length;

    // 03:01: every ticket owes its half-time ping, the unclaimed ones their re-ping too.
    // First Slack fails everything: every send runs out of the sender's attempts, and
    // every timer is left due again after its backoff, nothing marked sent.
    clock.set('2026-11-25T03:01:00Z');
    slack.setFaults({ method: 'chat.postMessage', rate500: 1 });
    await Promise.all([sweepWith(a, 'faulty-a'), sweepWith(b, 'faulty-b')]);
    const failing = await a.db.timer.count({ where: { subjectId: { in: tickets.map((t) => t.id) }, attempts: 1 } });
    // SLA pings, "still unclaimed" re-pings, "still on it?" questions, and the four diamond
    // tickets' reminders to tell the customer (live tracking, due at 02:30).
    expect(failing).toBe(8 + 5 + 3 + 4);
    expect(slack.callsTo('chat.postMessage').slice(before).filter((c) => c.ok)).toHaveLength(0);

    // Then a share of 429s (Retry-After 0) and 500s: keep sweeping with both processes, a
    // minute later each round (the next step is not before 03:30).
    slack.setFaults({ method: 'chat.postMessage', rate429: 0.3, retryAfterSeconds: 0, rate500: 0.3, seed: 7 });
    for (let round = 0; round < 25; round++) {
      clock.advance(60_000);
      await Promise.all([sweepWith(a, 'faulty-a'), sweepWith(b, 'faulty-b')]);
      // Done when no timer is due now and none is waiting to retry a failure.
      const pending = await a.db.timer.count({ where: { subjectId: { in: tickets.map((t) => t.id) }, OR: [{ dueAt: { lte: clock.now() } }, { attempts: { gt: 0 } }] } });
      if (pending === 0) break;
    }
    slack.clearFaults();

    expect(slack.stats.faulted429).toBeGreaterThan(3);
    expect(slack.stats.faulted500).toBeGreaterThan(16 * 6);
    const accepted = slack.callsTo('chat.postMessage').slice(before).filter((c) => c.ok);
    for (const [i, ticket] of tickets.entries()) {
      const about = accepted.filter((c) => String(c.args.text).includes(`*${ticket.number}*`));
      expect(about.filter((c) => /过半|half of the/.test(String(c.args.text))), ticket.number).toHaveLength(1);
      expect(about.filter((c) => c.response.channel === channels.bjSupervisors), ticket.number).toHaveLength(i < 3 ? 0 : 1);
      expect(about.filter((c) => String(c.args.text).includes('Are you still on it?')), ticket.number).toHaveLength(i < 3 ? 1 : 0);
    }
    slack.assertNoRejections();
  });
});

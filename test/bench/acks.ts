// The bot as production runs it (`node dist/src/main.js`) against a bare Bolt app that
// only acks, both child processes of this one, both talking to one fake Slack, in the same
// run: ack p50/p99 and requests/s at 50 in flight for /am help, /ticket list region and
// the Claim button; /am help one at a time with an instant and with a 300-ms Slack; the
// bot's RSS idle and after 2,000 commands; auth.test calls per request. Figures only.
// The requests are sent and timed from a worker thread (load-thread.ts), apart from the
// fake Slack's work on this one.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ticketIds } from '../../src/slack/ids.ts';
import { startFakeSlack, type FakeMessage, type FakeSlack } from '../../src/sandbox/slack-stand-in/server.ts';
import { testSigningSecret } from '../support/test-config.ts';
import type { BenchDatabase } from './bench-database.ts';
import { ackBound, ackReading, benchApiToken, cpuSeconds, metricsOf, outboxIdle, rssMegabytes, startBareBolt, startOurBot, type BenchProcess } from './bench-processes.ts';
import { describeLoad, ms, type LoadFigures } from './load.ts';
import { startLoadThread, type LoadRequest, type ThreadFigures } from './load-thread.ts';

const concurrency = 50;
const measured = 2000;
// Enough for V8 to have optimised both sides' hot paths: the figures are of a running bot, not of its first second.
const warmUp = 1000;
const oneByOne = 100;
const engineers = Array.from({ length: concurrency }, (_, i) => `U0BENCHACK${String(i).padStart(2, '0')}`);
const settle = (millis: number) => new Promise((r) => setTimeout(r, millis));

type Side = { process: BenchProcess; run(requests: LoadRequest[], concurrency?: number): Promise<ThreadFigures> };
type Kind = { name: string; ackKind: 'command' | 'action'; request: (i: number) => LoadRequest };

export async function benchAcks(bench: BenchDatabase): Promise<Record<string, unknown>> {
  console.log('\nbuilding dist/ (npm run build) …');
  await promisify(execFile)('npm', ['run', 'build'], { cwd: process.cwd() });
  await bench.db.staff.createMany({ data: engineers.map((id) => ({ slackUserId: id, name: id, role: 'field_engineer' as const, regionCode: 'BJ', locale: 'en' })), skipDuplicates: true });
  const slack = await startFakeSlack();
  for (const id of engineers) slack.setUser(id, { locale: 'en-US', tz: 'Asia/Shanghai' });
  const [oursProcess, bareProcess] = await Promise.all([startOurBot({ databaseUrl: bench.url, slackApiUrl: slack.apiUrl }), startBareBolt({ slackApiUrl: slack.apiUrl })]);
  const load = startLoadThread();
  // An answer is a response URL call, or an ack that carries it (help, answered from memory).
  let answeredInAck = 0;
  let sent = 0;
  const answered = () => slack.callsTo('response_url').length + answeredInAck;
  const side = (p: BenchProcess): Side => ({
    process: p,
    async run(requests, inFlight = concurrency) {
      const figures = await load.run({ baseUrl: `http://127.0.0.1:${p.port}`, signingSecret: testSigningSecret, concurrency: inFlight, requests });
      sent += requests.length;
      if (p === oursProcess) answeredInAck += figures.answeredInAck;
      return figures;
    },
  });
  const ours = side(oursProcess);
  const bare = side(bareProcess);
  const figures: Record<string, unknown> = {};
  try {
    const authTestsAtStart = slack.callsTo('auth.test').length;
    await settle(3000);
    const idleRss = await rssMegabytes(ours.process);
    figures['bare Bolt RSS idle'] = `${(await rssMegabytes(bare.process)).toFixed(0)} MB`;
    const messages = await openTickets(slack, ours.process, bench);

    const command = (text: string, command: string): Kind['request'] => (i) => {
      const userId = engineers[i % concurrency]!;
      return { kind: 'command', input: { command, text, userId, responseUrl: slack.responseUrl({ userId }) } };
    };
    const claim: Kind['request'] = (i) => {
      const userId = engineers[i % concurrency]!;
      const message = messages[i % concurrency]!;
      return { kind: 'blockAction', input: { userId, actionId: ticketIds.claim, message, responseUrl: slack.responseUrl({ channel: message.channel, messageTs: message.ts, userId }) } };
    };
    const kinds: Kind[] = [
      { name: '/am help', ackKind: 'command', request: command('help', '/am') },
      { name: '/ticket list region', ackKind: 'command', request: command('list region', '/ticket') },
    ];

    for (const kind of kinds) {
      const [o, b] = await compare(ours, bare, kind, answered, () => outboxIdle(ours.process));
      report(figures, kind.name, o, b);
      if (kind.name === '/am help') {
        // 5 s after, the flood's garbage is often still uncollected (no allocation, no
        // collection); V8's memory reducer collects it once the process has been idle a while.
        const after = async (seconds: number) => {
          const rss = await rssMegabytes(ours.process);
          const metrics = await metricsOf(ours.process);
          const growth = ((rss - idleRss) / idleRss) * 100;
          return `${rss.toFixed(0)} MB (${growth >= 0 ? '+' : ''}${growth.toFixed(0)} %), heap used ${mb(metrics.get('nodejs_heap_size_used_bytes'))} MB, external ${mb(metrics.get('nodejs_external_memory_bytes'))} MB (${seconds} s after)`;
        };
        await settle(5000);
        figures['RSS idle → after 3,000 /am help'] = `${idleRss.toFixed(0)} MB → ${await after(5)}`;
        await settle(15_000);
        figures['  … and once idle a while'] = await after(20);
      }
    }

    // Claim: the first 50 clicks (one per ticket, all at once) claim; the race's losers follow.
    const firstWave = await ours.run(requestsFor(claim, concurrency));
    figures['Claim, 50 winning clicks at once (ours)'] = describeLoad(firstWave);
    await outboxIdle(ours.process);
    const [o, b] = await compare(ours, bare, { name: 'Claim', ackKind: 'action', request: claim }, answered, () => outboxIdle(ours.process));
    report(figures, 'Claim (later clicks: already claimed)', o, b);

    const oursP50: number[] = [];
    for (const latency of [0, 300]) {
      slack.setLatency(latency);
      const one = async (s: Side) => (await s.run(requestsFor(command('help', '/am'), oneByOne), 1)).p50;
      const [po, pb] = [await one(ours), await one(bare)];
      oursP50.push(po);
      figures[`/am help one at a time, Slack answering in ${latency} ms: ack p50 ours / bare`] = `${ms(po)} / ${ms(pb)}`;
    }
    figures['  ours, 300-ms Slack / instant Slack (goal ≤ 2×)'] = `${(oursP50[1]! / oursP50[0]!).toFixed(2)}×`;
    slack.setLatency(0);
    const authTests = slack.callsTo('auth.test').length - authTestsAtStart;
    figures['auth.test calls after start (both processes)'] = `${authTests} for ${sent} requests`;
    figures['RSS at the end'] = `ours ${(await rssMegabytes(ours.process)).toFixed(0)} MB, bare ${(await rssMegabytes(bare.process)).toFixed(0)} MB`;
    figures['fake Slack rejections'] = slack.rejections.length;
    return figures;
  } finally {
    await load.close();
    await Promise.all([ours.process.stop(), bare.process.stop()]);
    await slack.close();
  }
}

const requestsFor = (request: Kind['request'], count: number) => Array.from({ length: count }, (_, i) => request(i));

const mb = (bytes: number | undefined) => (bytes === undefined ? '?' : (bytes / 1024 / 1024).toFixed(0));

/**
 * Both sides warmed up first (the load thread too: a load generator warming up while it
 * measures the first side would favour the second), then the measured load, ours first,
 * then bare Bolt. Ours answers each request inside its ack (help, from memory) or
 * through its response URL after it: its figures wait for the last answer (and an idle
 * outbox), so "answered/s" is what it got through, not just what it acked.
 */
async function compare(ours: Side, bare: Side, kind: Kind, answered: () => number, settleOurs: () => Promise<void>): Promise<[Measured, Measured]> {
  const warmed = answered() + warmUp;
  for (const s of [ours, bare]) await s.run(requestsFor(kind.request, warmUp));
  await settled(() => answered() >= warmed, settleOurs);
  const results: Measured[] = [];
  for (const s of [ours, bare]) {
    const requests = requestsFor(kind.request, measured);
    const cpuBefore = await cpuSeconds(s.process);
    const before = s === ours ? await ackReading(s.process, kind.ackKind) : null;
    const load = await s.run(requests);
    const after = before ? await ackReading(s.process, kind.ackKind) : null;
    const own = {
      ackP99: before && after ? ackBound(before.buckets, after.buckets, 0.99) : NaN,
      ackMax: before && after ? ackBound(before.buckets, after.buckets, 1) : NaN,
      loopLagMaxMs: after?.loopLagMaxMs ?? NaN,
    };
    if (s === ours) await settled(() => answered() >= warmed + measured, settleOurs);
    // From the load's first request (on the load thread's clock) to the last answer.
    const seconds = (performance.timeOrigin + performance.now() - load.startedAtEpochMs) / 1000;
    results.push({ ...load, own, cpuMillis: (((await cpuSeconds(s.process)) - cpuBefore) * 1000) / measured, answeredPerSecond: s === ours ? measured / seconds : load.perSecond });
  }
  return [results[0]!, results[1]!];
}

async function settled(allAnswered: () => boolean, settleOurs: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (!allAnswered() && Date.now() < deadline) await settle(10);
  await settleOurs();
}

/**
 * A load's figures (with the load generator's longest event-loop pause), the CPU time the
 * process spent per request (all threads, from /proc), and for ours the p99 of its own
 * ack histogram (request read → ack, as a bucket bound) and its longest event-loop delay:
 * the rest of an ack's time was spent before the bot could read the request (its event
 * loop, the CPU it shares).
 */
type Measured = ThreadFigures & { cpuMillis: number; answeredPerSecond: number; own: { ackP99: number; ackMax: number; loopLagMaxMs: number } };

function report(figures: Record<string, unknown>, name: string, ours: Measured, bare: Measured): void {
  figures[`${name}, ${concurrency} in flight: ack p50 / p99, acks/s; answered/s; CPU/request — ours`] = `${describeLoad(ours)}; ${ours.answeredPerSecond.toFixed(0)}/s; ${ms(ours.cpuMillis)}`;
  figures[`${name} — ours: own ack p99 / max (request read → ack); longest event-loop delay, ours / the load generator's`] = `≤ ${ms(ours.own.ackP99)} / ≤ ${ms(ours.own.ackMax)}; ${ms(ours.own.loopLagMaxMs)} / ${ms(ours.loadLagMaxMs)}`;
  figures[`${name} — ours: slowest acks (sent at ms after the start: took ms)`] = ours.slowest.slice(0, 8).map((r) => `${r.sentAt.toFixed(0)}: ${r.latency.toFixed(0)}`).join(', ');
  figures[`${name} — bare Bolt (acks only)`] = `${describeLoad(bare)}; ${ms(bare.cpuMillis)}`;
  figures[`${name} — ours/bare: answered/s, ack p99, CPU/request`] = `${(ours.answeredPerSecond / bare.perSecond).toFixed(2)}×, ${(ours.p99 / bare.p99).toFixed(1)}×, ${(ours.cpuMillis / bare.cpuMillis).toFixed(1)}×`;
}

/** 50 open tickets through POST /api/tickets; resolves with their channel messages once posted. */
async function openTickets(slack: FakeSlack, ours: BenchProcess, bench: BenchDatabase): Promise<FakeMessage[]> {
  const numbers: string[] = [];
  for (let i = 0; i < concurrency; i++) {
    const res = await fetch(`http://127.0.0.1:${ours.port}/api/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${benchApiToken}` },
      body: JSON.stringify({ customerCode: 'C0001', serviceType: 'data_line', scope: 'within_province', description: `Bench ack ${i}`, externalRef: `BENCH-ACK-${process.pid}-${i}` }),
    });
    numbers.push(((await res.json()) as { number: string }).number);
  }
  // One channel, one post a second: about a minute.
  await outboxIdle(ours);
  const tickets = await bench.db.ticket.findMany({ where: { number: { in: numbers } } });
  // As first posted, with its Claim button: the fake Slack's copy follows the claims.
  return tickets.map((t) => structuredClone(slack.messages().find((m) => m.ts === t.messageTs && m.channel === t.channelId)!));
}

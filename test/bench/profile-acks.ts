// Not part of `npm run bench`: runs the production bot under `node --cpu-prof` and sends it
// /am help (or the given command text) at 50 in flight, then stops it so the profile is
// written (DIR `none`: no profile, only the figures). `npx tsx test/bench/profile-acks.ts
// [DIR] ['list region']`; read the .cpuprofile with Chrome DevTools or
// test/bench/summarize-profile.ts. PROFILE_WARMUP / PROFILE_REQUESTS: how many before and
// in the measured load (200 / 1,000); PROFILE_ENV (JSON) and PROFILE_NODE_ARGS: the bot's
// settings and node options. Prints the slowest acks (when sent, how long), the bot's own
// ack histogram and event-loop lag.
import { startFakeSlack } from '../../src/sandbox/slack-stand-in/server.ts';
import { testSigningSecret } from '../support/test-config.ts';
import { insertTickets, startBenchDatabase } from './bench-database.ts';
import { cpuSeconds, rssMegabytes, startBareBolt, startOurBot } from './bench-processes.ts';
import { describeLoad } from './load.ts';
import { startLoadThread, type LoadRequest } from './load-thread.ts';

const dir = process.argv[2] ?? '/tmp/keyaccount-profile';
const [command, text] = process.argv[3] ? ['/ticket', process.argv[3]] : ['/am', 'help'];
const bench = await startBenchDatabase();
const slack = await startFakeSlack();
const users = Array.from({ length: 50 }, (_, i) => `U0PROFILE${String(i).padStart(2, '0')}`);
await bench.db.staff.createMany({ data: users.map((id) => ({ slackUserId: id, name: id, role: 'field_engineer' as const, regionCode: 'BJ', locale: 'en' })) });
// PROFILE_TICKETS=50: open tickets in the users' region, for `list region`.
await insertTickets(bench.db, { first: 1, count: Number(process.env.PROFILE_TICKETS ?? 0), customerSql: `'C0001'`, regionSql: `'BJ'`, openedAt: new Date() });
for (const id of users) slack.setUser(id, { locale: 'en-US', tz: 'Asia/Shanghai' });
const nodeArgs = [...(dir === 'none' ? [] : [`--cpu-prof`, `--cpu-prof-dir=${dir}`]), ...(process.env.PROFILE_NODE_ARGS?.split(' ').filter(Boolean) ?? [])];
// PROFILE_BARE=1: the bare Bolt app of the ack bench instead, for comparison (it acks with nothing).
const bot = process.env.PROFILE_BARE
  ? await startBareBolt({ slackApiUrl: slack.apiUrl, nodeArgs })
  : await startOurBot({ databaseUrl: bench.url, slackApiUrl: slack.apiUrl, nodeArgs, env: JSON.parse(process.env.PROFILE_ENV ?? '{}') });
try {
  // PROFILE_CLAIM=1: Claim buttons on the PROFILE_TICKETS tickets instead (the first click wins, the rest are told who has it).
  const tickets = await bench.db.ticket.findMany({ where: { number: { startsWith: 'T-BENCH-' } }, orderBy: { number: 'asc' } });
  const claimOn = (id: string) => ({ channel: 'C0DEMOBJTKT', ts: '1700000000.000100', blocks: [{ type: 'actions', block_id: 'ticket', elements: [{ type: 'button', action_id: 'ticket.claim', value: id, text: { type: 'plain_text', text: 'Claim' } }] }] });
  const request = (i: number): LoadRequest =>
    process.env.PROFILE_CLAIM
      ? { kind: 'blockAction', input: { userId: users[i % 50]!, actionId: 'ticket.claim', message: claimOn(tickets[i % tickets.length]!.id), responseUrl: slack.responseUrl() } }
      : { kind: 'command', input: { command, text, userId: users[i % 50]!, responseUrl: slack.responseUrl() } };
  // Sent and timed from a thread of its own, as the ack bench does (load-thread.ts).
  const load = startLoadThread();
  const run = (count: number) => load.run({ baseUrl: `http://127.0.0.1:${bot.port}`, signingSecret: testSigningSecret, concurrency: 50, requests: Array.from({ length: count }, (_, i) => request(i)) });
  // An answer is a response URL call, or an ack that carries it (/am help, from memory).
  let answeredInAck = 0;
  console.log('idle RSS', (await rssMegabytes(bot)).toFixed(0), 'MB');
  const warm = await run(Number(process.env.PROFILE_WARMUP ?? 200));
  answeredInAck += warm.answeredInAck;
  console.log('warm-up', describeLoad(warm));
  const [wall, mine, bots] = [performance.now(), process.cpuUsage(), await cpuSeconds(bot)];
  const measured = await run(Number(process.env.PROFILE_REQUESTS ?? 1000));
  answeredInAck += measured.answeredInAck;
  await load.close();
  console.log('measured', describeLoad(measured), `(load generator's longest event-loop delay ${measured.loadLagMaxMs.toFixed(0)} ms)`);
  console.log('slowest acks (sent at ms: took ms)', measured.slowest.map((r) => `${r.sentAt.toFixed(0)}: ${r.latency.toFixed(0)}`).join(', '));
  const seconds = (performance.now() - wall) / 1000;
  const used = process.cpuUsage(mine);
  // Every request is answered in its ack or through its response URL: the work after the acks is done then.
  while (!process.env.PROFILE_BARE && slack.callsTo('response_url').length + answeredInAck < Number(process.env.PROFILE_WARMUP ?? 200) + Number(process.env.PROFILE_REQUESTS ?? 1000)) await new Promise((r) => setTimeout(r, 20));
  console.log(`all answered after ${((performance.now() - wall) / 1000).toFixed(1)} s`);
  const total = Number(process.env.PROFILE_REQUESTS ?? 1000);
  console.log(`CPU ms per request: bot ${(((await cpuSeconds(bot)) - bots) * 1000 / total).toFixed(2)}, load generator + fake Slack ${((used.user + used.system) / 1000 / total).toFixed(2)} (${seconds.toFixed(1)} s)`);
  // The bot's own view: its ack histogram (request received → ack) and its event-loop lag.
  const metrics = await (await fetch(`http://127.0.0.1:${bot.port}/metrics`)).text();
  console.log('bot-side:', metrics.split('\n').filter((l) => /^keyaccount_slack_ack_seconds_bucket|^nodejs_eventloop_lag_(p99|max)_seconds/.test(l) && !/ 0$/.test(l)).join('\n  '));
  await new Promise((r) => setTimeout(r, 3000));
  console.log('RSS after', (await rssMegabytes(bot)).toFixed(0), 'MB');
} finally {
  await bot.stop();
  await slack.close();
  await bench.stop();
}

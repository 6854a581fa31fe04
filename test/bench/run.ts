// `npm run bench`: prints figures, never asserts on time. One throwaway Postgres for all.
//   1. sweep time to find due timers among 100,000 and 1,000,000 tickets
//   2. delivery of 1,000 due pings across 50 channels (fake Slack enforcing 1 msg/s/channel),
//      by one bot process and by two sharing the database
//   3. 50 simultaneous Claim clicks: the clickers' answer times while the outbox paces the rest
//   4. calls: Slack calls per ticket life with 0 and 20 Home viewers, tickets/minute at Slack's tiers
//   5. acks: the production bot (dist/) against a bare Bolt app, side by side (child processes)
import { startBenchDatabase } from './bench-database.ts';
import { benchAcks } from './acks.ts';
import { benchClaimAnswers } from './claim-answers.ts';
import { benchPingDelivery } from './ping-delivery.ts';
import { benchSweepScale } from './sweep-scale.ts';
import { benchTicketCalls } from './ticket-calls.ts';

function print(title: string, figures: Record<string, unknown>): void {
  console.log(`\n${title}`);
  const width = Math.max(...Object.keys(figures).map((key) => key.length));
  for (const [key, value] of Object.entries(figures)) console.log(`  ${key.padEnd(width)}  ${String(value)}`);
}

const started = performance.now();
const bench = await startBenchDatabase();
try {
  const only = process.argv[2];
  if (!only || only === 'claims') print('50 simultaneous claims: the clicker is answered first', await benchClaimAnswers(bench));
  if (!only || only === 'delivery') {
    const delivery = (title: string, options: Omit<Parameters<typeof benchPingDelivery>[1], 'firstNumber'>, n: number) =>
      benchPingDelivery(bench, { ...options, firstNumber: n * 10_000_000 + 1 }).then((figures) => print(title, figures));
    await delivery('Ping delivery as deployed: sweeps of 100, chat.postMessage budget 600/min per workspace', { label: 'defaults' }, 1);
    await delivery('…the same by two bot processes on one database (pacing shared in Postgres)', { label: 'defaults, two replicas', processes: 2 }, 2);
    await delivery('Ping delivery, workspace budget lifted: one sweep of all 1,000', { label: 'per-channel pacing only', postPerMinute: 100_000, batchSize: 1000 }, 3);
    await delivery('…the same by two bot processes', { label: 'per-channel pacing only, two replicas', postPerMinute: 100_000, batchSize: 1000, processes: 2 }, 4);
  }
  if (!only || only === 'calls') print('Slack calls per ticket life (open by the API, claim, restore)', await benchTicketCalls(bench));
  if (!only || only === 'acks') print('Acks: the bot as production runs it against a bare Bolt app, same run', await benchAcks(bench));
  if (!only || only === 'sweep') print('Sweep scale', await benchSweepScale(bench));
} finally {
  await bench.stop();
}
console.log(`\nbench finished in ${((performance.now() - started) / 1000).toFixed(0)} s`);

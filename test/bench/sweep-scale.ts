// How long a sweep takes to find (and settle) the due timers when the table holds the
// timers of 100,000 and of 1,000,000 tickets. Only 100 are due each time; the rest are
// in the future or finished (due_at NULL). With the index on due_at the cost follows the
// number of due timers, not the number of tickets, so the ratio should stay near 1.
import { sweepDueTimers } from '../../src/jobs/sweep-due-timers.ts';
import { createLogger } from '../../src/logger.ts';
import type { BenchDatabase } from './bench-database.ts';
import { insertTickets } from './bench-database.ts';

const dueEachRound = 100;
const rounds = 7;
const now = new Date('2026-11-23T02:00:00Z');

async function growTo(bench: BenchDatabase, from: number, to: number): Promise<number> {
  const started = performance.now();
  const { db } = bench;
  for (let first = from + 1; first <= to; first += 250_000) {
    const count = Math.min(250_000, to - first + 1);
    await insertTickets(db, { first, count, customerSql: "'C0001'", regionSql: "'BJ'", openedAt: new Date(now.getTime() - 3_600_000) });
  }
  // One SLA timer per ticket: half finished (NULL), half due up to 30 days ahead.
  await db.$executeRawUnsafe(`
    INSERT INTO timers (kind, subject_id, due_at, updated_at)
    SELECT 'ticket.sla', t.id::text,
           CASE WHEN random() < 0.5 THEN NULL ELSE $1::timestamp + (1 + random() * 30 * 86400) * interval '1 second' END, now()
    FROM tickets t WHERE t.number > 'T-BENCH-' || lpad('${from}', 8, '0') AND t.number <= 'T-BENCH-' || lpad('${to}', 8, '0')`, now);
  await db.$executeRawUnsafe('ANALYZE timers');
  await db.$executeRawUnsafe('ANALYZE tickets');
  return (performance.now() - started) / 1000;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

// The claim's inner query, as the sweep runs it; EXPLAIN ANALYZE reports its execution time.
const findDue = `SELECT id FROM timers WHERE due_at <= $1::timestamp AND (lease_until IS NULL OR lease_until <= $1::timestamp)
                 ORDER BY due_at LIMIT 100 FOR UPDATE SKIP LOCKED`;

async function timeSweeps(bench: BenchDatabase): Promise<{ sweepMs: number; findMs: number }> {
  const { db } = bench;
  const handlers = { 'ticket.sla': async () => null };
  const logger = createLogger('silent');
  const sweeps: number[] = [];
  const finds: number[] = [];
  for (let round = 0; round < rounds; round++) {
    // Make 100 timers due again (a different 100 each round); only SLA timers, which the
    // no-op handler below fires, whatever the other parts of the bench left in the table.
    await db.$executeRawUnsafe(
      `UPDATE timers SET due_at = $1::timestamp - interval '1 minute', lease_until = NULL WHERE id IN (SELECT id FROM timers WHERE due_at IS NULL AND kind = 'ticket.sla' ORDER BY id OFFSET ${round * dueEachRound} LIMIT ${dueEachRound})`,
      now,
    );
    const plan = await db.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(`EXPLAIN (ANALYZE) ${findDue}`, now);
    finds.push(Number(/Execution Time: ([\d.]+) ms/.exec(plan.map((row) => row['QUERY PLAN']).join('\n'))?.[1] ?? NaN));
    const started = performance.now();
    const result = await sweepDueTimers({ db, handlers, logger, now, owner: 'bench' });
    sweeps.push(performance.now() - started);
    if (result.fired !== dueEachRound) throw new Error(`expected ${dueEachRound} fired, got ${result.fired}`);
  }
  return { sweepMs: median(sweeps), findMs: median(finds) };
}

export async function benchSweepScale(bench: BenchDatabase) {
  const loadSmall = await growTo(bench, 0, 100_000);
  const small = await timeSweeps(bench);
  const loadLarge = await growTo(bench, 100_000, 1_000_000);
  const large = await timeSweeps(bench);
  const plan = await bench.db.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(`EXPLAIN ${findDue}`, now);
  const lines = plan.map((row) => row['QUERY PLAN'].trim());
  return {
    'tickets (one SLA timer each)': '100,000 → 1,000,000 (half finished, half due within 30 days)',
    'bulk insert seconds': `${loadSmall.toFixed(1)} + ${loadLarge.toFixed(1)}`,
    'find 100 due (claim query), median ms: 100k / 1M': `${small.findMs.toFixed(2)} / ${large.findMs.toFixed(2)}`,
    'whole sweep of 100 due (claim + settle), median ms: 100k / 1M': `${small.sweepMs.toFixed(1)} / ${large.sweepMs.toFixed(1)}`,
    'ratio 1M / 100k (find, sweep)': `${(large.findMs / small.findMs).toFixed(2)}, ${(large.sweepMs / small.sweepMs).toFixed(2)}`,
    'claim query plan': lines.find((line) => line.includes('Index')) ?? lines.join(' | '),
  };
}

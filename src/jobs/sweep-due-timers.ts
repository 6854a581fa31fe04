// The sweep: take the timers that are due, fire each through the handler of its kind,
// and record the outcome. Claiming uses FOR UPDATE SKIP LOCKED plus a lease, so two
// bot processes on one database never fire the same timer twice, and the work is
// bounded by the number of due timers (index on due_at), not by the number of tickets.
// A timer is advanced only after its handler returned, i.e. after Slack accepted the
// message; a failure leaves it due again after a backoff, so no ping is lost.
// Handlers of one batch run at the same time: most of their time is spent waiting for
// Slack, and the sender already keeps each channel to its own pace, so one busy
// channel must not hold up the pings of the forty-nine others. While a batch runs its
// leases are renewed, so a batch slowed down by rate limits never loses its timers to
// another process's sweep (which would send them a second time).
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.ts';
import type { Logger } from '../logger.ts';

export type DueTimer = { id: bigint; kind: string; subjectId: string; dueAt: Date; firedAt: Date | null; version: number; attempts: number };

/** Fires one due timer; returns when it should fire next (null: never again). */
export type TimerHandler = (timer: DueTimer, now: Date) => Promise<Date | null>;
export type TimerHandlers = Record<string, TimerHandler>;

export type SweepOptions = {
  db: Db;
  handlers: TimerHandlers;
  logger: Logger;
  now: Date;
  owner?: string;
  batchSize?: number;
  leaseMillis?: number;
  /** Handlers in flight at once (default: the whole batch). */
  concurrency?: number;
};

export type SweepResult = { fired: number; failed: number };

const processOwner = randomUUID();

export async function sweepDueTimers(options: SweepOptions): Promise<SweepResult> {
  const { db, handlers, logger, now } = options;
  const owner = options.owner ?? processOwner;
  const leaseUntil = new Date(now.getTime() + (options.leaseMillis ?? 120_000));
  const claimed = await db.$queryRaw<DueTimer[]>`
    UPDATE timers SET lease_until = ${leaseUntil}, lease_owner = ${owner}
    WHERE id IN (
      SELECT id FROM timers
      WHERE due_at <= ${now} AND (lease_until IS NULL OR lease_until <= ${now})
      ORDER BY due_at
      LIMIT ${options.batchSize ?? 100}
      FOR UPDATE SKIP LOCKED)
    RETURNING id, kind, subject_id AS "subjectId", due_at AS "dueAt", fired_at AS "firedAt", version, attempts`;

  if (claimed.length === 0) return { fired: 0, failed: 0 };
  let fired = 0;
  let failed = 0;
  const renewal = renewLeases(db, claimed, owner, now, options.leaseMillis ?? 120_000, logger);
  try {
    await inParallel(claimed, options.concurrency ?? claimed.length, (timer) => fire(timer));
  } finally {
    renewal.stop();
  }
  return { fired, failed };

  async function fire(timer: DueTimer): Promise<void> {
    const handler = handlers[timer.kind];
    try {
      if (!handler) throw new Error(`no handler for timer kind ${timer.kind}`);
      const next = await handler(timer, now);
      await settle(db, timer, owner, { dueAt: next, firedAt: now, attempts: 0, lastError: null });
      fired++;
    } catch (error) {
      failed++;
      const attempts = timer.attempts + 1;
      logger.warn({ err: error, kind: timer.kind, subjectId: timer.subjectId, attempts }, 'timer failed; will retry');
      const retryAt = new Date(now.getTime() + Math.min(30_000 * 2 ** (attempts - 1), 15 * 60_000));
      // A failed settle must not end the batch early: the lease renewal would stop while
      // the other handlers still run, and another process could fire them again.
      await settle(db, timer, owner, { dueAt: retryAt, attempts, lastError: String((error as Error).message ?? error).slice(0, 500) }).catch(
        (settleError: unknown) => logger.error({ err: settleError, kind: timer.kind, subjectId: timer.subjectId }, 'could not record a timer failure'),
      );
    }
  }
}

/**
 * Every third of the lease, pushes the lease of this batch's unsettled timers forward by
 * the wall-clock time that has passed. `now` is the sweep's (possibly injected) instant,
 * so the new lease is now + elapsed + lease.
 */
function renewLeases(db: Db, timers: DueTimer[], owner: string, now: Date, leaseMillis: number, logger: Logger) {
  const started = Date.now();
  const ids = timers.map((timer) => timer.id);
  const interval = setInterval(() => {
    const leaseUntil = new Date(now.getTime() + (Date.now() - started) + leaseMillis);
    db.timer
      .updateMany({ where: { id: { in: ids }, leaseOwner: owner }, data: { leaseUntil } })
      .catch((error: unknown) => logger.warn({ err: error }, 'could not renew timer leases'));
  }, leaseMillis / 3);
  interval.unref();
  return { stop: () => clearInterval(interval) };
}

async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
}

async function settle(
  db: Db,
  timer: DueTimer,
  owner: string,
  outcome: { dueAt: Date | null; firedAt?: Date; attempts: number; lastError: string | null },
): Promise<void> {
  // Only the lease holder settles, and only the version it fired: if the domain
  // rescheduled the timer meanwhile, its new due time stands.
  const settled = await db.timer.updateMany({
    where: { id: timer.id, leaseOwner: owner, version: timer.version },
    data: { ...outcome, leaseUntil: null, leaseOwner: null },
  });
  if (settled.count === 0) {
    await db.timer.updateMany({ where: { id: timer.id, leaseOwner: owner }, data: { leaseUntil: null, leaseOwner: null, ...(outcome.firedAt ? { firedAt: outcome.firedAt } : {}) } });
  }
}

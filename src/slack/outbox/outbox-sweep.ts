// The outbox sweep: take the announcements that are due, oldest first and at most one
// per subject at a time (a ticket's "claimed" never overtakes its "opened"), deliver
// each through the deliverer of its kind, and record the outcome. Claiming uses
// FOR UPDATE SKIP LOCKED plus a lease, so replicas never deliver the same row at once;
// a row whose lease ran out while it was being sent (the process died) is delivered
// again in "recovering" mode, which looks for its posts in Slack before re-posting.
// A transient failure (Slack down, rate limited) retries with growing backoff for as
// long as OUTBOX_GIVE_UP_AFTER_MINUTES; after that the row is given up and the admins
// see it with the deliveries Slack refused for good.
import type { Db } from '../../db/client.ts';
import type { Logger } from '../../logger.ts';
import { runDelivery, type DeliveryRecord } from './delivery-scope.ts';

export type OutboxRow = { id: bigint; kind: string; subject: string; payload: Record<string, unknown>; attempts: number; createdAt: Date; previousOwner: string | null };

export type Deliverer = (row: OutboxRow) => Promise<void>;

export type OutboxSweepOptions = {
  db: Db;
  deliverers: Record<string, Deliverer>;
  logger: Logger;
  now: () => Date;
  owner: string;
  batchSize?: number;
  leaseMillis: number;
  giveUpAfterMillis: number;
  /** First wait after a failed attempt; doubles each time up to maxBackoffMillis. */
  backoffMillis: number;
  maxBackoffMillis?: number;
};

export type OutboxSweepResult = { claimed: number; delivered: number; failed: number; gaveUp: number };

export async function sweepOutbox(options: OutboxSweepOptions): Promise<OutboxSweepResult> {
  const { db, logger } = options;
  const now = options.now();
  const rows = await claimDue(db, now, options.owner, options.batchSize ?? 50, options.leaseMillis);
  const result: OutboxSweepResult = { claimed: rows.length, delivered: 0, failed: 0, gaveUp: 0 };
  if (rows.length === 0) return result;
  const renewal = renewLeases(db, rows, options);
  try {
    await Promise.all(rows.map((row) => deliverOne(row)));
  } finally {
    renewal.stop();
  }
  return result;

  async function deliverOne(row: OutboxRow): Promise<void> {
    try {
      const deliverer = options.deliverers[row.kind];
      if (!deliverer) throw new Error(`no deliverer for outbox kind ${row.kind}`);
      const steps = await db.outboxStep.findMany({ where: { outboxId: row.id } });
      const done = new Map<string, DeliveryRecord>(steps.map((s) => [s.key, { channel: s.channel, ts: s.ts }]));
      await runDelivery({ db, outboxId: row.id, createdAt: row.createdAt, recovering: row.previousOwner !== null || row.attempts > 0, done, now: options.now }, () => deliverer(row));
      await settle(db, row, options.owner, { doneAt: options.now(), dueAt: null, outcome: 'delivered', lastError: null });
      result.delivered++;
    } catch (error) {
      const message = String((error as Error).message ?? error).slice(0, 500);
      const at = options.now();
      const attempts = row.attempts + 1;
      try {
        if (at.getTime() - row.createdAt.getTime() >= options.giveUpAfterMillis) {
          result.gaveUp++;
          logger.error({ err: error, kind: row.kind, subject: row.subject, attempts }, 'outbox message given up');
          await db.deliveryFailure.create({ data: { at, method: 'outbox', channel: row.subject, error: message, context: `${row.kind} (${attempts} attempts)` } });
          await settle(db, row, options.owner, { doneAt: at, dueAt: null, outcome: 'gave_up', lastError: message, attempts });
        } else {
          result.failed++;
          const wait = Math.min(options.backoffMillis * 2 ** (attempts - 1), options.maxBackoffMillis ?? 5 * 60_000);
          logger.warn({ err: error, kind: row.kind, subject: row.subject, attempts, retryInMillis: wait }, 'outbox delivery failed; will retry');
          await settle(db, row, options.owner, { dueAt: new Date(at.getTime() + wait), lastError: message, attempts });
        }
      } catch (settleError) {
        // The lease runs out and the row is tried again; nothing is lost.
        logger.error({ err: settleError, kind: row.kind, subject: row.subject }, 'could not record an outbox failure');
      }
    }
  }
}

async function claimDue(db: Db, now: Date, owner: string, limit: number, leaseMillis: number): Promise<OutboxRow[]> {
  const leaseUntil = new Date(now.getTime() + leaseMillis);
  const rows = await db.$queryRaw<(Omit<OutboxRow, 'payload'> & { payload: unknown })[]>`
    WITH due AS (
      SELECT o.id, o.lease_owner AS previous_owner FROM outbox o
      WHERE o.due_at <= ${now} AND (o.lease_until IS NULL OR o.lease_until <= ${now})
        AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.subject = o.subject AND p.id < o.id AND p.done_at IS NULL)
      ORDER BY o.due_at, o.id
      LIMIT ${limit}
      FOR UPDATE OF o SKIP LOCKED)
    UPDATE outbox SET lease_until = ${leaseUntil}, lease_owner = ${owner}
    FROM due WHERE outbox.id = due.id
    RETURNING outbox.id, outbox.kind, outbox.subject, outbox.payload, outbox.attempts, outbox.created_at AS "createdAt", due.previous_owner AS "previousOwner"`;
  return rows.map((row) => ({ ...row, payload: (row.payload ?? {}) as Record<string, unknown> }));
}

/** Keeps the leases of a batch that Slack's pacing slows down, so no other sweep takes them. */
function renewLeases(db: Db, rows: OutboxRow[], options: OutboxSweepOptions) {
  const ids = rows.map((row) => row.id);
  const interval = setInterval(() => {
    const leaseUntil = new Date(options.now().getTime() + options.leaseMillis);
    db.outboxMessage
      .updateMany({ where: { id: { in: ids }, leaseOwner: options.owner, doneAt: null }, data: { leaseUntil } })
      .catch((error: unknown) => options.logger.warn({ err: error }, 'could not renew outbox leases'));
  }, options.leaseMillis / 3);
  interval.unref();
  return { stop: () => clearInterval(interval) };
}

async function settle(
  db: Db,
  row: OutboxRow,
  owner: string,
  outcome: { dueAt: Date | null; doneAt?: Date; outcome?: string; lastError: string | null; attempts?: number },
): Promise<void> {
  await db.outboxMessage.updateMany({ where: { id: row.id, leaseOwner: owner }, data: { ...outcome, leaseUntil: null, leaseOwner: null } });
}

/** Releases this owner's unfinished leases at once (a clean stop), marked so the next try checks Slack first. */
export async function expireLeases(db: Db, owner: string, now: Date): Promise<void> {
  await db.outboxMessage.updateMany({ where: { leaseOwner: owner, doneAt: null }, data: { leaseUntil: now } });
}

/** Delivered rows are kept for a while for the audit of what the bot said, then removed. */
export async function pruneDelivered(db: Db, before: Date): Promise<number> {
  const { count } = await db.outboxMessage.deleteMany({ where: { doneAt: { lt: before }, outcome: 'delivered' } });
  return count;
}

// Slack delivers at least once: a request can arrive twice (a proxy or client resend, the
// same body and timestamp) and the Events API retries with X-Slack-Retry-Num. So each
// delivery's key is recorded in Postgres — INSERT … ON CONFLICT DO NOTHING, so it holds
// across bot processes — and a repeat is acknowledged and never handled again. The key is
// what Slack itself keeps for one delivery: the trigger_id of a slash command or
// interaction, the event_id of an event. Option loads carry neither; they change nothing
// and are always answered.
//
// The ack never waits for the database. Slash commands, buttons and shortcuts are handed
// to their listener at once with the verdict still coming: the listener acks (with an
// answer it knows from memory, or with nothing), and its work after the ack goes on only
// for a first delivery (afterFirstDelivery). Modal submissions ack with their answer, so
// they wait for the verdict before the listener; events Bolt acks itself first. Keys that
// arrive while an INSERT is out are recorded together in the next one.
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import DataLoader from 'dataloader';
import type { Clock } from '../clock.ts';
import type { PrismaClient } from '../db/client.ts';
import type { BotContext } from './bot-context.ts';

/** Slack's own retries end within minutes (delayed events within a day); keys are kept a little longer. */
export const seenDeliveryRetentionMillis = 25 * 60 * 60_000;
const pruneEveryMillis = 10 * 60_000;

/** The key of one delivery, or null for payloads that carry none (option loads). */
export function deliveryKey(body: unknown): string | null {
  if (!body || typeof body !== 'object') return null;
  const b = body as Record<string, unknown>;
  if (b.type === 'event_callback' && typeof b.event_id === 'string') return `event:${String(b.team_id ?? '')}:${b.event_id}`;
  if (typeof b.trigger_id === 'string' && b.trigger_id !== '') return `trigger:${b.trigger_id}`;
  return null;
}

/** Slash commands, block actions and shortcuts: their listener acks before its work, so the verdict may follow the ack. */
export function verdictAfterAck(body: unknown): boolean {
  if (!body || typeof body !== 'object') return false;
  const b = body as Record<string, unknown>;
  return typeof b.command === 'string' || b.type === 'block_actions' || b.type === 'shortcut' || b.type === 'message_action';
}

/** For each key, true for its first delivery, false for a repeat (a key twice in one call: only the first). */
export async function recordDeliveries(db: PrismaClient, keys: readonly string[], at: Date): Promise<boolean[]> {
  const unique = [...new Set(keys)];
  // Raw SQL: the hottest query of all (every request) skips the Prisma query compiler.
  const inserted = await db.$queryRaw<{ key: string }[]>`
    INSERT INTO seen_deliveries (key, seen_at) SELECT key, ${at} FROM unnest(${unique}::text[]) AS key
    ON CONFLICT DO NOTHING RETURNING key`;
  const firsts = new Set(inserted.map((row) => row.key));
  return keys.map((key) => firsts.delete(key));
}

/** True for the first delivery of `key`, false for a repeat. */
export async function recordDelivery(db: PrismaClient, key: string, at: Date): Promise<boolean> {
  return (await recordDeliveries(db, [key], at))[0]!;
}

export async function pruneSeenDeliveries(db: PrismaClient, before: Date): Promise<number> {
  const { count } = await db.seenDelivery.deleteMany({ where: { seenAt: { lt: before } } });
  return count;
}

function pruneNowAndThen(db: PrismaClient, clock: Clock) {
  let last = -Infinity;
  return async () => {
    const now = clock.now().getTime();
    if (now - last < pruneEveryMillis) return;
    last = now;
    await pruneSeenDeliveries(db, new Date(now - seenDeliveryRetentionMillis));
  };
}

// The verdict on a delivery handed on before it was known, kept on Bolt's per-request context.
const pendingVerdict = Symbol('pending delivery verdict');
type WithVerdict = { [pendingVerdict]?: Promise<boolean> };

/** Global middleware: the first delivery goes on to the listeners, a repeat is only acknowledged. */
export function onlyFirstDelivery(ctx: BotContext): Middleware<AnyMiddlewareArgs> {
  const prune = pruneNowAndThen(ctx.db, ctx.clock);
  // Group commit: while one INSERT is out, the keys arriving meanwhile wait and go together.
  let previous: Promise<unknown> = Promise.resolve();
  const recorder = new DataLoader<string, boolean>(
    (keys) => {
      const recorded = recordDeliveries(ctx.db, keys, ctx.clock.now());
      previous = recorded.catch(() => {});
      return recorded;
    },
    { cache: false, batchScheduleFn: (run) => void previous.then(() => setImmediate(run)) },
  );
  const record = (key: string) =>
    recorder.load(key).catch((error: unknown) => {
      // Without the table, handling twice is better than not at all.
      ctx.logger.warn({ err: error }, 'could not record a slack delivery; handling it anyway');
      return true;
    });
  const pruned = () => prune().catch((error: unknown) => ctx.logger.warn({ err: error }, 'pruning seen slack deliveries failed'));
  return async (args) => {
    const key = deliveryKey(args.body);
    if (key === null) return args.next();
    if (verdictAfterAck(args.body)) {
      const verdict = record(key);
      (args.context as WithVerdict)[pendingVerdict] = verdict;
      void verdict.then((first) => first || ctx.logger.info({ key, retryNum: args.context.retryNum }, 'repeated slack delivery acknowledged, not handled again'));
      await args.next();
      await pruned();
      return;
    }
    if (!(await record(key))) {
      ctx.logger.info({ key, retryNum: args.context.retryNum }, 'repeated slack delivery acknowledged, not handled again');
      if ('ack' in args && typeof args.ack === 'function') await (args.ack as () => Promise<void>)();
      return;
    }
    await args.next();
    await pruned();
  };
}

/** A repeated delivery's listener, stopped right after its ack. */
class RepeatedDelivery extends Error {}

/**
 * A listener that, for a delivery handed on before its verdict, goes past its ack only if
 * the delivery is the first: the ack goes out at once, the work after it waits for the
 * verdict, and a repeat's listener ends there.
 */
export function afterFirstDelivery<A extends { context?: object; ack?: (...response: any[]) => Promise<void> }>(listener: (args: A) => Promise<void>) {
  return async (args: A): Promise<void> => {
    const verdict = (args.context as WithVerdict | undefined)?.[pendingVerdict];
    if (!verdict) return listener(args);
    const ack = args.ack;
    if (!ack) {
      if (await verdict) await listener(args);
      return;
    }
    const ackThenVerdict = async (...response: unknown[]) => {
      await ack(...response);
      if (!(await verdict)) throw new RepeatedDelivery();
    };
    try {
      await listener({ ...args, ack: ackThenVerdict });
    } catch (error) {
      if (!(error instanceof RepeatedDelivery)) throw error;
    }
  };
}

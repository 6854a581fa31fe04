// Slack delivers at least once: a request can arrive twice (a proxy or client resend, the
// same body and timestamp) and the Events API retries with X-Slack-Retry-Num. So the
// first listener in the chain records each delivery's key in Postgres — one indexed
// INSERT … ON CONFLICT DO NOTHING, so it holds across bot processes — and a repeat is
// acknowledged with an empty 200 and never dispatched. The key is what Slack itself
// keeps for one delivery: the trigger_id of a slash command or interaction, the
// event_id of an event. Option loads carry neither; they change nothing and are always
// answered. Slash commands and buttons, whose listeners ack with nothing, are acked
// before the INSERT, so their ack never waits for the database (nor for a connection of
// its pool under load); modal submissions ack with their answer, after it. Events Bolt
// acks itself before any middleware.
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
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

/** Slash commands and block actions: their listeners' ack carries nothing (it may go first). */
export function acksWithNothing(body: unknown): boolean {
  if (!body || typeof body !== 'object') return false;
  const b = body as Record<string, unknown>;
  return typeof b.command === 'string' || b.type === 'block_actions';
}

/** True for the first delivery of `key`, false for a repeat. */
export async function recordDelivery(db: PrismaClient, key: string, at: Date): Promise<boolean> {
  // Raw SQL: the hottest query of all (every request) skips the Prisma query compiler.
  const count = await db.$executeRaw`INSERT INTO seen_deliveries (key, seen_at) VALUES (${key}, ${at}) ON CONFLICT DO NOTHING`;
  return count === 1;
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

/** Global middleware: the first delivery goes on to the listeners, a repeat is only acknowledged. */
export function onlyFirstDelivery(ctx: BotContext): Middleware<AnyMiddlewareArgs> {
  const prune = pruneNowAndThen(ctx.db, ctx.clock);
  return async (args) => {
    const key = deliveryKey(args.body);
    if (key === null) return args.next();
    const ack = 'ack' in args && typeof args.ack === 'function' ? (args.ack as () => Promise<void>) : undefined;
    if (ack && acksWithNothing(args.body)) await ack();
    const first = await recordDelivery(ctx.db, key, ctx.clock.now()).catch((error: unknown) => {
      // Without the table, handling twice is better than not at all.
      ctx.logger.warn({ err: error }, 'could not record a slack delivery; handling it anyway');
      return true;
    });
    if (!first) {
      ctx.logger.info({ key, retryNum: args.context.retryNum }, 'repeated slack delivery acknowledged, not handled again');
      await ack?.();
      return;
    }
    await args.next();
    await prune().catch((error: unknown) => ctx.logger.warn({ err: error }, 'pruning seen slack deliveries failed'));
  };
}

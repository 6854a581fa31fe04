// While the outbox delivers one message, every post it makes runs inside this scope
// (AsyncLocalStorage), so the existing senders need no new arguments:
// - a step (one audience) that already went out is skipped on a retry;
// - each post is stamped with the message Slack accepted, and carries Slack message
//   metadata naming its delivery id, so a delivery whose earlier attempt was cut off
//   between Slack's OK and the stamp (a crash) finds its message in the channel's
//   history instead of posting it twice.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db } from '../../db/client.ts';
import type { PostedMessage } from '../sender.ts';

/** Slack's `metadata.event_type` of every message the outbox posts. */
export const deliveryEventType = 'keyaccount_delivery';

export type DeliveryRecord = { channel: string | null; ts: string | null };

type Scope = {
  db: Db;
  outboxId: bigint;
  createdAt: Date;
  /** An earlier attempt may have reached Slack without being stamped. */
  recovering: boolean;
  done: Map<string, DeliveryRecord>;
  now: () => Date;
  step: string;
  posts: number;
};

const storage = new AsyncLocalStorage<Scope>();

export type DeliveryContext = Omit<Scope, 'step' | 'posts'>;

export function runDelivery<T>(context: DeliveryContext, work: () => Promise<T>): Promise<T> {
  return storage.run({ ...context, step: 'main', posts: 0 }, work);
}

/**
 * One audience or piece of a delivery, done once: skipped when an earlier attempt
 * finished it, stamped when it finishes now. Outside a delivery it just runs.
 */
export async function deliveryStep(name: string, work: () => Promise<unknown>): Promise<void> {
  const scope = storage.getStore();
  if (!scope) {
    await work();
    return;
  }
  const key = `step:${name}`;
  if (scope.done.has(key)) return;
  await storage.run({ ...scope, step: name, posts: 0 }, work);
  await stamp(scope, key, { channel: null, ts: null });
}

export type PostSlot = {
  deliveryId: string;
  /** Set when this post went out in an earlier attempt. */
  already: DeliveryRecord | undefined;
  recovering: boolean;
  since: Date;
  record(posted: PostedMessage | null): Promise<void>;
};

/** The next post of the current step, or null outside a delivery. */
export function nextPostSlot(): PostSlot | null {
  const scope = storage.getStore();
  if (!scope) return null;
  const key = `post:${scope.step}#${++scope.posts}`;
  return {
    deliveryId: `${scope.outboxId}/${key}`,
    already: scope.done.get(key),
    recovering: scope.recovering,
    since: scope.createdAt,
    record: (posted) => stamp(scope, key, { channel: posted?.channel ?? null, ts: posted?.ts ?? null }),
  };
}

async function stamp(scope: Scope, key: string, record: DeliveryRecord): Promise<void> {
  scope.done.set(key, record);
  await scope.db.outboxStep.upsert({
    where: { outboxId_key: { outboxId: scope.outboxId, key } },
    create: { outboxId: scope.outboxId, key, ...record, doneAt: scope.now() },
    update: {},
  });
}

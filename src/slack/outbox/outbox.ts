// Runs the outbox sweep in this process: at once when a change was just committed
// (kick), and every OUTBOX_POLL_MS for retries and for rows other replicas wrote. On
// stop it takes no more work, lets the deliveries under way finish for a short grace,
// and hands back what is left: nothing is dropped, the next start (or another replica)
// delivers it.
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import type { Logger } from '../../logger.ts';
import { expireLeases, pruneDelivered, sweepOutbox, type Deliverer } from './outbox-sweep.ts';

const followUpEveryMillis = 1000;

export type OutboxSettings = { pollMillis: number; leaseMillis: number; giveUpAfterMillis: number; backoffMillis: number; stopGraceMillis: number };

export type Outbox = {
  /** Deliver what is due now, without waiting for the next poll. */
  kick(): void;
  /** Resolves when nothing is due any more (tests; the sandbox). */
  idle(): Promise<void>;
  stop(): Promise<void>;
};

export type OutboxOptions = {
  db: Db;
  clock: Clock;
  logger: Logger;
  settings: OutboxSettings;
  deliverers: () => Record<string, Deliverer>;
  /**
   * Lesser work done by the same loop once no announcement is claimable (Home refreshes):
   * each round returns how much it did, and `pending` how much is waiting now.
   */
  followUps?: () => { round: () => Promise<number>; pending: () => Promise<number> }[];
};

export function startOutbox(options: OutboxOptions): Outbox {
  const { db, clock, logger, settings } = options;
  const owner = randomUUID();
  let deliverers: Record<string, Deliverer> | undefined;
  let followUps: ReturnType<NonNullable<OutboxOptions['followUps']>> | undefined;
  let running: Promise<void> | null = null;
  let again = false;
  let stopping = false;
  let lastPrune = 0;
  let lastFollowUpAt = 0;

  async function drain(): Promise<void> {
    deliverers ??= options.deliverers();
    followUps ??= options.followUps?.() ?? [];
    do {
      again = false;
      for (;;) {
        if (stopping) return;
        const result = await sweepOutbox({ db, deliverers, logger, now: () => clock.now(), owner, leaseMillis: settings.leaseMillis, giveUpAfterMillis: settings.giveUpAfterMillis, backoffMillis: settings.backoffMillis });
        // Announcements first; the follow-ups get a round once nothing is claimable, and at
        // least once a second under a steady stream, so they are never starved.
        if (result.claimed > 0 && Date.now() - lastFollowUpAt < followUpEveryMillis) continue;
        lastFollowUpAt = Date.now();
        let followedUp = 0;
        for (const followUp of followUps) followedUp += await followUp.round();
        if (followedUp === 0 && result.claimed === 0) break;
      }
    } while (again && !stopping);
    if (Date.now() - lastPrune > 3_600_000) {
      lastPrune = Date.now();
      await pruneDelivered(db, new Date(clock.now().getTime() - 7 * 86_400_000));
    }
  }

  function kick(): void {
    if (stopping) return;
    if (running) {
      again = true;
      return;
    }
    running = drain()
      .catch((error: unknown) => logger.error({ err: error }, 'outbox sweep failed'))
      .finally(() => {
        running = null;
      });
  }

  const poll = setInterval(kick, settings.pollMillis);
  poll.unref();

  return {
    kick,
    async idle() {
      for (let i = 0; i < 1000; i++) {
        kick();
        await running;
        let due = await db.outboxMessage.count({ where: { dueAt: { lte: clock.now() }, OR: [{ leaseUntil: null }, { leaseUntil: { lte: clock.now() } }] } });
        for (const followUp of followUps ?? []) due += await followUp.pending();
        if (due === 0 && !running) return;
      }
    },
    async stop() {
      stopping = true;
      clearInterval(poll);
      if (!running) return;
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<'late'>((resolve) => {
        timer = setTimeout(() => resolve('late'), settings.stopGraceMillis);
      });
      const outcome = await Promise.race([running.then(() => 'done' as const), grace]);
      clearTimeout(timer);
      if (outcome === 'late') {
        logger.warn('stopping with outbox deliveries under way; they go out on the next start');
        await expireLeases(db, owner, clock.now()).catch((error: unknown) => logger.warn({ err: error }, 'could not hand back outbox leases'));
      }
    },
  };
}

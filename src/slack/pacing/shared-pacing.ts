// Slack's limits belong to the workspace, so every bot process paces against the same
// rows in Postgres (see the SlackChannelTurn and SlackMethodBudget models):
// - a channel has one turn: the process holding it sends one message, and the next
//   message to that channel — from any process — leaves `gapMillis` after Slack
//   answered (Slack counts arrivals, so the gap runs from the answer, not the start);
// - a method has a per-minute allowance, a token bucket refilled continuously, and a
//   pause that a 429's Retry-After sets for everyone.
// Times are the database's (clock_timestamp, in UTC like Prisma's columns), so replicas
// with skewed clocks still agree. A process that dies holding a turn loses it after
// `holdMillis`. Waiting is computed from the rows, never a busy poll: a held turn is
// free no earlier than `gapMillis` after it was taken.
import type { Db } from '../../db/client.ts';

export type SharedPacingOptions = {
  db: Db;
  /** Who holds a turn (one id per process). */
  owner: string;
  gapMillis: number;
  /** Longest a turn can be held by a process that went away. */
  holdMillis?: number;
  /** Told when a turn could not be handed back (it lapses after holdMillis). */
  onReleaseFailed?: (channel: string, error: unknown) => void;
};

const now = `(clock_timestamp() AT TIME ZONE 'UTC')`;
// Tokens a bucket holds now, for `cap` per minute.
const refilled = (cap: string) => `least(${cap}, b.tokens + extract(epoch from ${now} - b.refilled_at) * ${cap} / 60.0)`;

// Should a wait ever be computed as zero or negative while the row still refuses, the
// next look comes after this much rather than at once.
const minimumWaitMillis = 5;

export function createSharedPacing(options: SharedPacingOptions) {
  const { db, owner, gapMillis } = options;
  const holdMillis = options.holdMillis ?? 120_000;

  /** Waits for the channel's turn, runs `send`, and frees the turn `gapMillis` after it answered. */
  async function channelTurn<T>(channel: string, send: () => Promise<T>): Promise<T> {
    if (gapMillis <= 0) return send();
    for (;;) {
      const wait = await takeChannel(channel);
      if (wait === 0) break;
      await sleep(Math.max(minimumWaitMillis, wait));
    }
    try {
      return await send();
    } finally {
      // A turn that cannot be handed back (the database just went away) must not turn a
      // delivered message into a failure that is retried: it lapses after holdMillis.
      await db
        .$executeRawUnsafe(
          `UPDATE slack_channel_turns SET holder = NULL, taken_at = NULL, held_until = NULL, free_at = ${now} + make_interval(secs => $3 / 1000.0)
           WHERE channel = $1 AND holder = $2`,
          channel,
          owner,
          gapMillis,
        )
        .catch((error: unknown) => options.onReleaseFailed?.(channel, error));
    }
  }

  /** 0 when the turn is now ours, else how long to wait before asking again. */
  async function takeChannel(channel: string): Promise<number> {
    const taken = await db.$queryRawUnsafe<unknown[]>(
      `INSERT INTO slack_channel_turns AS c (channel, free_at, holder, taken_at, held_until)
       VALUES ($1, ${now}, $2, ${now}, ${now} + make_interval(secs => $3 / 1000.0))
       ON CONFLICT (channel) DO UPDATE SET holder = EXCLUDED.holder, taken_at = EXCLUDED.taken_at, held_until = EXCLUDED.held_until
       WHERE c.free_at <= ${now} AND (c.holder IS NULL OR c.held_until <= ${now})
       RETURNING 1`,
      channel,
      owner,
      holdMillis,
    );
    if (taken.length > 0) return 0;
    const [row] = await db.$queryRawUnsafe<{ wait: number }[]>(
      `SELECT greatest(
         extract(epoch from free_at - ${now}),
         CASE WHEN holder IS NOT NULL AND held_until > ${now}
              THEN least(extract(epoch from held_until - ${now}), greatest(extract(epoch from taken_at - ${now}) + $2 / 1000.0, 0))
              ELSE 0 END) * 1000 AS wait
       FROM slack_channel_turns WHERE channel = $1`,
      channel,
      gapMillis,
    );
    return Math.max(minimumWaitMillis, Math.ceil(Number(row?.wait ?? 0)));
  }

  /** Waits until `method` may be called (its allowance has room and it is not paused) and takes one call. */
  async function methodTurn(method: string, perMinute: number): Promise<void> {
    for (;;) {
      const wait = await takeMethod(method, perMinute);
      if (wait === 0) return;
      await sleep(Math.max(minimumWaitMillis, wait));
    }
  }

  async function takeMethod(method: string, perMinute: number): Promise<number> {
    const cap = '$2::float8';
    const taken = await db.$queryRawUnsafe<unknown[]>(
      `INSERT INTO slack_method_budgets AS b (method, tokens, refilled_at) VALUES ($1, ${cap} - 1, ${now})
       ON CONFLICT (method) DO UPDATE SET tokens = ${refilled(cap)} - 1, refilled_at = ${now}
       WHERE ${refilled(cap)} >= 1 AND (b.paused_until IS NULL OR b.paused_until <= ${now})
       RETURNING 1`,
      method,
      perMinute,
    );
    if (taken.length > 0) return 0;
    const [row] = await db.$queryRawUnsafe<{ wait: number }[]>(
      `SELECT greatest((1 - ${refilled(cap)}) * 60.0 / ${cap}, coalesce(extract(epoch from b.paused_until - ${now}), 0)) * 1000 AS wait
       FROM slack_method_budgets b WHERE method = $1`,
      method,
      perMinute,
    );
    return Math.ceil(Number(row?.wait ?? 0));
  }

  /** A 429: every process holds back `method` for Retry-After. */
  async function pauseMethod(method: string, millis: number): Promise<void> {
    await db.$executeRawUnsafe(
      `UPDATE slack_method_budgets SET paused_until = greatest(coalesce(paused_until, ${now}), ${now} + make_interval(secs => $2 / 1000.0)) WHERE method = $1`,
      method,
      millis,
    );
  }

  return { channelTurn, methodTurn, pauseMethod };
}

export type SharedPacing = ReturnType<typeof createSharedPacing>;

const sleep = (millis: number) => new Promise((resolve) => setTimeout(resolve, millis));

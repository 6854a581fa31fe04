// Home refreshes as rows, so they are coalesced across every change and every bot
// process: a change marks the Homes it shows on (`changed_at`), and the refresher
// publishes a marked Home at most once per coalescing window after the view it last
// built. A change that lands while a view is being built keeps its mark (it is newer
// than the build), so the next window picks it up; nothing is refreshed twice for one
// change, nothing is lost to a crash (a claim is a lease). Times are the database's, so
// replicas agree on the windows.
import type { Db } from '../../db/client.ts';
import type { Deps } from '../deps.ts';

const dbNow = `(clock_timestamp() AT TIME ZONE 'UTC')`;
// A build's instant, one millisecond early: the columns keep milliseconds, and a change
// marked within the build's own millisecond must count as newer than the build.
const buildInstant = `(date_trunc('milliseconds', ${dbNow}) - interval '1 millisecond')`;

/** Marks the Homes of `userIds` opened within `windowMinutes` as changed; returns how many. */
export async function markHomesChanged(deps: Deps, userIds: string[], windowMinutes: number): Promise<number> {
  if (userIds.length === 0) return 0;
  const since = new Date(deps.clock.now().getTime() - windowMinutes * 60_000);
  return deps.db.$executeRawUnsafe(
    `UPDATE home_tab_opens SET changed_at = ${dbNow} WHERE slack_user_id = ANY($1::text[]) AND opened_at >= $2`,
    userIds,
    since,
  );
}

export type DueHome = { userId: string; viewHash: string | null; builtAt: Date };

/**
 * Takes up to `limit` marked Homes whose coalescing window has passed, leased for
 * `leaseMillis`; `builtAt` is the claim's instant, from which the view is built.
 */
export async function claimDueHomes(db: Db, options: { coalesceMillis: number; leaseMillis: number; limit: number }): Promise<DueHome[]> {
  return db.$queryRawUnsafe<DueHome[]>(
    `WITH due AS (
       SELECT slack_user_id FROM home_tab_opens
       WHERE changed_at IS NOT NULL
         AND (built_at IS NULL OR built_at <= ${dbNow} - make_interval(secs => $1 / 1000.0))
         AND (lease_until IS NULL OR lease_until <= ${dbNow})
       ORDER BY changed_at LIMIT $3
       FOR UPDATE SKIP LOCKED)
     UPDATE home_tab_opens h SET lease_until = ${dbNow} + make_interval(secs => $2 / 1000.0)
     FROM due WHERE h.slack_user_id = due.slack_user_id
     RETURNING h.slack_user_id AS "userId", h.view_hash AS "viewHash", ${buildInstant} AS "builtAt"`,
    options.coalesceMillis,
    options.leaseMillis,
    options.limit,
  );
}

/** The database's now: the instant a view is built from. */
export async function homeBuildInstant(db: Db): Promise<Date> {
  const [row] = await db.$queryRawUnsafe<{ at: Date }[]>(`SELECT ${buildInstant} AS at`);
  return row!.at;
}

/** The view built at `builtAt` is what the person sees now; changes up to then are shown. */
export async function recordHomeShown(db: Db, userId: string, builtAt: Date, viewHash: string): Promise<void> {
  await db.$executeRawUnsafe(
    `UPDATE home_tab_opens SET built_at = $2, view_hash = $3, lease_until = NULL,
       changed_at = CASE WHEN changed_at > $2 THEN changed_at ELSE NULL END
     WHERE slack_user_id = $1`,
    userId,
    builtAt,
    viewHash,
  );
}

/** A refresh that failed: tried again after `retryMillis`, or dropped when it never can succeed. */
export async function recordHomeRefreshFailed(db: Db, userId: string, retry: { retryMillis: number } | 'drop'): Promise<void> {
  if (retry === 'drop') {
    await db.$executeRawUnsafe(`UPDATE home_tab_opens SET changed_at = NULL, lease_until = NULL WHERE slack_user_id = $1`, userId);
    return;
  }
  await db.$executeRawUnsafe(
    `UPDATE home_tab_opens SET lease_until = ${dbNow} + make_interval(secs => $2 / 1000.0) WHERE slack_user_id = $1`,
    userId,
    retry.retryMillis,
  );
}

/** Marked Homes whose window has passed and that nobody is refreshing: the refresher's backlog. */
export async function dueHomeCount(db: Db, coalesceMillis: number): Promise<number> {
  const [row] = await db.$queryRawUnsafe<{ n: bigint }[]>(
    `SELECT count(*) AS n FROM home_tab_opens
     WHERE changed_at IS NOT NULL AND (built_at IS NULL OR built_at <= ${dbNow} - make_interval(secs => $1 / 1000.0))
       AND (lease_until IS NULL OR lease_until <= ${dbNow})`,
    coalesceMillis,
  );
  return Number(row!.n);
}

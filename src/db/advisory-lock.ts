// One process at a time, across every process on the database: a Postgres session-level
// advisory lock, held on a connection of its own for as long as the work runs. Postgres
// drops a session's locks with the session, so a process that dies mid-way never leaves
// the lock behind.
import pg from 'pg';

/** Our lock ids. Prisma's own migrate lock is 72707369; ours differ so the two never wait on each other's session. */
export const advisoryLocks = {
  /** Applying migrations (the bot's start, npm run db:migrate). */
  migrations: 7_236_741_001,
  /** The start-up directory work (demo directory, ADMIN_SLACK_IDS). */
  startup: 7_236_741_002,
} as const;

export async function withAdvisoryLock<T>(
  databaseUrl: string,
  lockId: number,
  work: () => Promise<T>,
  options: { onWait?: () => void } = {},
): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  // Losing this connection loses the lock; the work's own queries report a dead server.
  client.on('error', () => {});
  await client.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [lockId]);
    if (!rows[0]?.locked) {
      options.onWait?.();
      // No timeout: the other process finishes or dies, and either way the lock comes free.
      await client.query('SELECT pg_advisory_lock($1)', [lockId]);
    }
    return await work();
  } finally {
    await client.end().catch(() => {});
  }
}

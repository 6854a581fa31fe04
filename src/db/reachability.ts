// Is the database answering? A short-lived pg connection with a tight timeout, so
// /healthz and start-up never hang on an unreachable server.
import pg from 'pg';
import type { Logger } from '../logger.ts';

export async function isDatabaseReachable(url: string, timeoutMillis = 2000): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMillis });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Waits, with growing pauses, until the database answers (or the limit passes). */
export async function waitForDatabase(url: string, logger: Logger, limitMillis = 120_000): Promise<void> {
  const started = Date.now();
  let pause = 250;
  while (!(await isDatabaseReachable(url))) {
    if (Date.now() - started > limitMillis) throw new Error(`The database at ${redact(url)} did not answer within ${limitMillis / 1000} s.`);
    logger.warn({ database: redact(url) }, 'waiting for the database to answer');
    await new Promise((r) => setTimeout(r, pause));
    pause = Math.min(pause * 2, 5000);
  }
}

export function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

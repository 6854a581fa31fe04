// What the db:* commands share: which database they work on, and how they end.
// Same rule as the bot: DATABASE_URL (also from .env) when set, otherwise the embedded
// Postgres in EMBEDDED_PG_DIR (default .data/postgres in the project).
import 'dotenv/config';
import path from 'node:path';
import { startEmbeddedPostgres } from '../db/embedded-postgres.ts';
import { lastEnginePanic } from '../db/schema-engine.ts';
import { PROJECT_ROOT } from '../project-root.ts';

export async function withTargetDatabase<T>(fn: (databaseUrl: string) => Promise<T>): Promise<T> {
  const url = process.env.DATABASE_URL?.trim();
  if (url) return fn(url);

  const dataDir = path.resolve(PROJECT_ROOT, process.env.EMBEDDED_PG_DIR?.trim() || '.data/postgres');
  const port = Number(process.env.EMBEDDED_PG_PORT?.trim() || 0);
  const embedded = await startEmbeddedPostgres({ dataDir, port, log: debugLog });
  try {
    return await fn(embedded.url);
  } finally {
    await embedded.stop();
  }
}

/** Runs main; any failure becomes one line on stderr and exit code 1. */
export function runCli(main: () => Promise<void>): void {
  // An engine panic is thrown from a microtask, so it never reaches main's promise.
  process.on('uncaughtException', (error) => fail(lastEnginePanic() ?? error));
  main().then(
    () => process.exit(0),
    (error: unknown) => fail(error),
  );
}

function fail(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  // Engine errors carry a Rust span trace after the first line.
  console.error(`Error: ${message.split('\n')[0]?.trim() || 'unknown failure'}`);
  process.exit(1);
}

// Server and engine chatter is only wanted when debugging.
function debugLog(line: string): void {
  if (process.env.DEBUG) console.error(line);
}

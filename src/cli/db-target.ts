// What the db:* commands share: which database they work on, and how they end.
// Same rule and same configuration as the bot (src/config.ts, so DATABASE_URL_FILE and
// the production refusal apply too): DATABASE_URL (also from .env) when set, otherwise
// the embedded Postgres in EMBEDDED_PG_DIR (default .data/postgres in the project).
import path from 'node:path';
import { ConfigError, loadConfig } from '../config.ts';
import { startEmbeddedPostgres } from '../db/embedded/embedded-postgres.ts';
import { lastEnginePanic } from '../db/migrations/schema-engine.ts';
import { PROJECT_ROOT } from '../project-root.ts';

export async function withTargetDatabase<T>(fn: (databaseUrl: string) => Promise<T>): Promise<T> {
  const config = loadConfig();
  if (config.databaseUrl) return fn(config.databaseUrl);

  const dataDir = path.resolve(PROJECT_ROOT, config.embeddedPostgres.dataDir);
  // Unlike the bot, a free port unless one is asked for: a server already running on
  // this folder is found and used whatever its port, and a temporary one must not take
  // the bot's.
  const port = Number(process.env.EMBEDDED_PG_PORT?.trim() || 0);
  const embedded = await startEmbeddedPostgres({ dataDir, port, log: debugLog });
  try {
    return await fn(embedded.url);
  } finally {
    await embedded.stop();
  }
}

/** Runs main; any failure becomes one line on stderr (a line per variable for configuration errors) and exit code 1. */
export function runCli(main: () => Promise<void>): void {
  // An engine panic is thrown from a microtask, so it never reaches main's promise.
  process.on('uncaughtException', (error) => fail(lastEnginePanic() ?? error));
  main().then(
    () => process.exit(0),
    (error: unknown) => fail(error),
  );
}

function fail(error: unknown): never {
  // Configuration errors are already one line per variable, all of them worth reading.
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  const message = error instanceof Error ? error.message : String(error);
  // Engine errors carry a Rust span trace after the first line.
  console.error(`Error: ${message.split('\n')[0]?.trim() || 'unknown failure'}`);
  process.exit(1);
}

// Server and engine chatter is only wanted when debugging.
function debugLog(line: string): void {
  if (process.env.DEBUG) console.error(line);
}

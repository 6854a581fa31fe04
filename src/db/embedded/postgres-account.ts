// Postgres refuses to run as root. When we are root (containers, CI) the server runs as
// the system user "postgres" instead, so every folder it needs must be reachable by that
// user; as a normal user the server simply runs as ourselves.
import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const SERVER_USER = 'postgres';

export interface Account {
  uid: number;
  gid: number;
}

/** The account to run the server as, or undefined to run as the current user. */
export async function serverAccount(log: (line: string) => void): Promise<Account | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const existing = await lookup(SERVER_USER);
  if (existing) return existing;
  log(`running as root: creating the system user "${SERVER_USER}" to run Postgres`);
  try {
    await run('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', SERVER_USER]);
  } catch (error) {
    throw new Error(
      `Postgres cannot run as root and there is no "${SERVER_USER}" user; creating one failed (${(error as Error).message.trim()})`,
    );
  }
  const created = await lookup(SERVER_USER);
  if (!created) throw new Error(`Created the "${SERVER_USER}" user but cannot look it up`);
  return created;
}

async function lookup(name: string): Promise<Account | undefined> {
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', name]), run('id', ['-g', name])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    return undefined;
  }
}

/**
 * Fails early with a readable message instead of initdb's "permission denied" when a
 * parent folder (e.g. a 0700 temp folder made by root) keeps the server user out.
 * Supplementary groups are ignored, so this errs on the side of complaining.
 */
export async function assertReachable(dir: string, account: Account): Promise<void> {
  const blocked = await firstBlockedFolder(dir, account);
  if (blocked) {
    throw new Error(
      `Postgres runs as user "${SERVER_USER}" (we are root) and cannot enter ${blocked}; make it traversable (chmod o+x) or use another data folder`,
    );
  }
}

/** The first folder above `file` the server user cannot enter, or null when it can reach it. */
export async function firstBlockedFolder(file: string, account: Account): Promise<string | null> {
  for (let current = path.dirname(file); ; current = path.dirname(current)) {
    // A folder not made yet is made by us (mode 0755 under the usual umask): look above it.
    const found = await stat(current).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? null : Promise.reject(error)));
    if (!found) {
      if (current === path.dirname(current)) return null;
      continue;
    }
    const { mode, uid, gid } = found;
    const canEnter = (mode & 0o001) !== 0 || (uid === account.uid && (mode & 0o100) !== 0) || (gid === account.gid && (mode & 0o010) !== 0);
    if (!canEnter) return current;
    if (current === path.dirname(current)) return null;
  }
}

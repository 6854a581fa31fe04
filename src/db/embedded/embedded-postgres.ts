// A private, persistent Postgres server for development and tests, so nobody needs a
// database installed. The cluster in dataDir survives restarts; only a missing cluster
// is initialised.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { access, chmod, chown, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { assertReachable, serverAccount, type Account } from './postgres-account.ts';
import { findPostgresBinaries, reachableBinaries, type PostgresBinaries } from './postgres-binaries.ts';
import { inspectPostmaster, type RunningServer } from './postmaster-pid.ts';

export const APP_DATABASE = 'keyaccount';
const SUPERUSER = 'postgres';
// Generated at initdb time and kept with the cluster, so the server is not open to every
// local user the way trust authentication would be.
const PASSWORD_FILE = 'embedded-password';
const READY = 'database system is ready to accept connections';
const START_TIMEOUT_MS = 120_000;

export interface EmbeddedPostgresOptions {
  dataDir: string;
  /** 0 or undefined: pick a free port. */
  port?: number;
  log?: (line: string) => void;
  /** Extra server settings (postgres -c name=value), e.g. fsync=off for throwaway test clusters. */
  settings?: Record<string, string>;
}

export interface EmbeddedPostgres {
  /** postgresql:// URL of the application database. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => {});
  const dataDir = path.resolve(options.dataDir);
  const account = await serverAccount(log);
  const binaries = await reachableBinaries(await findPostgresBinaries(), account, log);

  let running: RunningServer | undefined;
  if (!(await exists(path.join(dataDir, 'PG_VERSION')))) {
    await initCluster(binaries, dataDir, account, log);
  } else {
    running = await inspectPostmaster(dataDir, log);
  }
  const password = await readPassword(dataDir);

  // E.g. `npm run db:migration` while the bot runs on the same folder: use its server,
  // and leave stopping it to its owner.
  if (running) {
    log(`using the Postgres already running on ${dataDir} (pid ${running.pid}, port ${running.port})`);
    await ensureDatabase(databaseUrl(password, running.port, 'postgres'), APP_DATABASE);
    return { url: databaseUrl(password, running.port, APP_DATABASE), port: running.port, stop: async () => {} };
  }

  const { child, port } = await launchOnPort(binaries, dataDir, account, options, log);
  const stop = once(() => stopServer(child));
  try {
    await ensureDatabase(databaseUrl(password, port, 'postgres'), APP_DATABASE);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: databaseUrl(password, port, APP_DATABASE), port, stop };
}

function databaseUrl(password: string, port: number, database: string): string {
  return `postgresql://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

async function initCluster(binaries: PostgresBinaries, dataDir: string, account: Account | undefined, log: (line: string) => void) {
  log(`initialising a new Postgres cluster in ${dataDir}`);
  // Parents get the default mode: a 0700 parent would lock the server user out as root.
  await mkdir(path.dirname(dataDir), { recursive: true });
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  if (account) {
    await assertReachable(dataDir, account);
    await chown(dataDir, account.uid, account.gid);
  }
  await chmod(dataDir, 0o700);

  const password = randomBytes(18).toString('base64url');
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'keyaccount-initdb-'));
  try {
    const passwordFile = path.join(scratch, 'password');
    await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
    if (account) {
      await chown(scratch, account.uid, account.gid);
      await chown(passwordFile, account.uid, account.gid);
    }
    await runToCompletion(
      binaries.initdb,
      ['-D', dataDir, '-U', SUPERUSER, '--auth=scram-sha-256', `--pwfile=${passwordFile}`, '--encoding=UTF8', '--locale=C'],
      account,
      log,
    );
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  const file = path.join(dataDir, PASSWORD_FILE);
  await writeFile(file, password, { mode: 0o600 });
  if (account) await chown(file, account.uid, account.gid);
}

async function readPassword(dataDir: string): Promise<string> {
  try {
    return (await readFile(path.join(dataDir, PASSWORD_FILE), 'utf8')).trim();
  } catch {
    // The password file is written last, so this also catches an interrupted initialisation.
    throw new Error(
      `${dataDir} holds a Postgres cluster without our ${PASSWORD_FILE} file (made elsewhere, or its initialisation was interrupted); remove the folder to start afresh`,
    );
  }
}

async function launchOnPort(
  binaries: PostgresBinaries,
  dataDir: string,
  account: Account | undefined,
  options: EmbeddedPostgresOptions,
  log: (line: string) => void,
): Promise<{ child: ChildProcess; port: number }> {
  const fixedPort = options.port ? options.port : undefined;
  // A port we picked can be taken by someone else before Postgres binds it; try another.
  for (let attempt = 1; ; attempt++) {
    const port = fixedPort ?? (await freePort());
    try {
      return { child: await launch(binaries, dataDir, port, account, options.settings ?? {}, log), port };
    } catch (error) {
      if (!(error instanceof PortInUseError) || fixedPort !== undefined || attempt >= 5) throw error;
      log(`port ${port} was taken, trying another`);
    }
  }
}

class PortInUseError extends Error {}

function launch(
  binaries: PostgresBinaries,
  dataDir: string,
  port: number,
  account: Account | undefined,
  settings: Record<string, string>,
  log: (line: string) => void,
): Promise<ChildProcess> {
  const serverSettings: Record<string, string> = {
    listen_addresses: '127.0.0.1',
    // No Unix socket: its lock file in /tmp is shared between clusters and outlives crashes.
    unix_socket_directories: '',
    // We recognise readiness from the log, so its language must be fixed.
    lc_messages: 'C',
    ...settings,
  };
  const args = ['-D', dataDir, '-p', String(port), ...Object.entries(serverSettings).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
  const child = spawn(binaries.postgres, args, {
    ...account,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LC_MESSAGES: 'C' },
  });

  return new Promise((resolve, reject) => {
    const recent: string[] = [];
    let portInUse = false;
    let ready = false;
    const timer = setTimeout(() => {
      child.kill('SIGQUIT');
      reject(new Error(`Postgres did not become ready within ${START_TIMEOUT_MS / 1000}s: ${recent.join(' | ')}`));
    }, START_TIMEOUT_MS);

    const onLine = (line: string) => {
      log(line);
      if (ready) return;
      recent.push(line);
      if (recent.length > 10) recent.shift();
      if (/could not bind|address already in use/i.test(line)) portInUse = true;
      if (line.includes(READY)) {
        ready = true;
        clearTimeout(timer);
        // The server must not outlive us when the process exits without calling stop().
        const onExit = () => child.kill('SIGINT');
        process.on('exit', onExit);
        child.once('exit', () => process.off('exit', onExit));
        resolve(child);
      }
    };
    createInterface({ input: child.stderr! }).on('line', onLine);
    createInterface({ input: child.stdout! }).on('line', onLine);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code, signal) => {
      if (ready) return;
      clearTimeout(timer);
      const reason = `Postgres exited before it was ready (${signal ?? `code ${code}`}): ${recent.join(' | ')}`;
      reject(portInUse ? new PortInUseError(reason) : new Error(reason));
    });
  });
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  // SIGINT = fast shutdown: ends sessions, writes a checkpoint, exits cleanly.
  child.kill('SIGINT');
  const escalate = setTimeout(() => child.kill('SIGQUIT'), 30_000);
  await exited;
  clearTimeout(escalate);
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (existing.rowCount) return;
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } catch (error) {
    // Someone else created it between our check and our CREATE.
    if ((error as { code?: string }).code !== '42P04') throw error;
  } finally {
    await client.end();
  }
}

function runToCompletion(command: string, args: string[], account: Account | undefined, log: (line: string) => void): Promise<void> {
  const child = spawn(command, args, { ...account, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_MESSAGES: 'C' } });
  const output: string[] = [];
  const onLine = (line: string) => {
    output.push(line);
    log(line);
  };
  createInterface({ input: child.stdout! }).on('line', onLine);
  createInterface({ input: child.stderr! }).on('line', onLine);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(command)} failed (${signal ?? `code ${code}`}): ${output.slice(-5).join(' | ')}`));
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= fn());
}

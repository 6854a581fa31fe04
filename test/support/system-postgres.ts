// A second, real PostgreSQL server for the suite, one the bot did not start: Debian's
// `postgresql` package (15 on bookworm; the embedded server is 18). CI runs exactly
// `npm ci && npm test` as root on a machine that reaches Debian's packages, so the suite
// brings the server itself: installed with apt-get when missing, started with
// pg_ctlcluster, and used through a throwaway login role that owns every database the
// run creates. The cluster is left running afterwards (another run may be using it); the
// role and its databases are dropped.
//
// TEST_POSTGRES_URL=postgresql://user:pw@host/db (a role that may CREATE DATABASE) uses
// that server instead; TEST_SYSTEM_POSTGRES=no leaves this part out.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);
const ROLE_PREFIX = 'keyaccount_test_';

export type SystemPostgresPlan = { use: true; how: string } | { use: false; why: string };

/** Decided when the configuration loads, without side effects: can this run have a second server? */
export function systemPostgresPlan(env: NodeJS.ProcessEnv = process.env): SystemPostgresPlan {
  if (env.TEST_SYSTEM_POSTGRES === 'no') return { use: false, why: 'TEST_SYSTEM_POSTGRES=no' };
  if (env.TEST_POSTGRES_URL) return { use: true, how: 'TEST_POSTGRES_URL' };
  if (process.platform !== 'linux' || process.getuid?.() !== 0) {
    return { use: false, why: 'not root on Linux (set TEST_POSTGRES_URL to use a server of your own)' };
  }
  if (existsSync('/usr/bin/pg_ctlcluster')) return { use: true, how: "Debian's postgresql package" };
  if (existsSync('/usr/bin/apt-get')) return { use: true, how: "Debian's postgresql package, installed now with apt-get" };
  return { use: false, why: 'no Debian postgresql package and no apt-get to install it' };
}

export interface SystemPostgres {
  /** URL of the maintenance database, as a role that may create databases. */
  adminUrl: string;
  /** "PostgreSQL 15.x …", for the log. */
  version: string;
  /** Drops every database this run created, and its role. */
  cleanup(): Promise<void>;
}

export async function startSystemPostgres(log: (line: string) => void): Promise<SystemPostgres> {
  const given = process.env.TEST_POSTGRES_URL;
  if (given) return useGivenServer(given);

  if (!existsSync('/usr/bin/pg_ctlcluster')) await installPostgres(log);
  const cluster = await ensureClusterRunning(log);
  await dropLeftoversOfDeadRuns(cluster.port);

  const role = `${ROLE_PREFIX}${process.pid}_${randomBytes(3).toString('hex')}`;
  const password = randomBytes(18).toString('hex');
  await psqlAsPostgres(cluster.port, [`CREATE ROLE ${role} LOGIN CREATEDB PASSWORD '${password}'`]);
  const adminUrl = `postgresql://${role}:${password}@127.0.0.1:${cluster.port}/postgres`;
  return {
    adminUrl,
    version: await serverVersion(adminUrl),
    cleanup: () => dropRole(cluster.port, role),
  };
}

async function useGivenServer(url: string): Promise<SystemPostgres> {
  // Every database this run creates is named after its own prefix, so only those go.
  return { adminUrl: url, version: await serverVersion(url), cleanup: async () => {} };
}

async function installPostgres(log: (line: string) => void): Promise<void> {
  const started = Date.now();
  log("installing Debian's postgresql package (apt-get install -y postgresql)");
  const install = () =>
    run('apt-get', ['install', '-y', '--no-install-recommends', '-o', 'DPkg::Lock::Timeout=300', 'postgresql'], {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      maxBuffer: 64 * 1024 * 1024,
    });
  try {
    await install();
  } catch {
    // A machine whose package lists were never fetched knows no "postgresql" yet.
    log('apt-get install failed; running apt-get update and trying again');
    await run('apt-get', ['update'], { maxBuffer: 64 * 1024 * 1024 });
    await install();
  }
  log(`installed postgresql in ${Math.round((Date.now() - started) / 1000)} s`);
}

interface Cluster {
  version: string;
  name: string;
  port: number;
  online: boolean;
}

async function clusters(): Promise<Cluster[]> {
  const { stdout } = await run('pg_lsclusters', ['--no-header']);
  return stdout
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((fields) => fields.length >= 4)
    .map(([version, name, port, status]) => ({ version: version!, name: name!, port: Number(port), online: status!.startsWith('online') }));
}

async function ensureClusterRunning(log: (line: string) => void): Promise<Cluster> {
  let [cluster] = (await clusters()).sort((a, b) => Number(b.version) - Number(a.version));
  if (!cluster) {
    // The package was installed with create_main_cluster = false: make the usual one.
    const version = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a))[0];
    if (!version) throw new Error('postgresql is installed but /usr/lib/postgresql has no server version');
    log(`creating cluster ${version}/main`);
    await run('pg_createcluster', [version, 'main']);
    [cluster] = (await clusters()).filter((c) => c.version === version);
    if (!cluster) throw new Error(`pg_createcluster ${version} main made no cluster`);
  }
  if (!cluster.online) {
    log(`starting cluster ${cluster.version}/${cluster.name} (pg_ctlcluster ${cluster.version} ${cluster.name} start)`);
    // A concurrent run may start it at the same moment; what matters is that it runs.
    await run('pg_ctlcluster', [cluster.version, cluster.name, 'start']).catch(() => {});
    const now = (await clusters()).find((c) => c.version === cluster!.version && c.name === cluster!.name);
    if (!now?.online) throw new Error(`pg_ctlcluster ${cluster.version} ${cluster.name} start did not bring the cluster online`);
  }
  return cluster;
}

/** Runs statements one by one (each in its own transaction, as DROP DATABASE needs) as the postgres superuser. */
async function psqlAsPostgres(port: number, statements: string[]): Promise<string> {
  const args = ['-u', 'postgres', '--', 'psql', '-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-p', String(port), '-d', 'postgres'];
  const { stdout } = await run('runuser', [...args, ...statements.flatMap((sql) => ['-c', sql])], { cwd: '/' });
  return stdout;
}

async function dropRole(port: number, role: string): Promise<void> {
  const owned = await psqlAsPostgres(port, [`SELECT datname FROM pg_database WHERE datdba = (SELECT oid FROM pg_roles WHERE rolname = '${role}')`]);
  const databases = owned.split('\n').map((name) => name.trim()).filter(Boolean);
  await psqlAsPostgres(port, [
    ...databases.flatMap((name) => [`ALTER DATABASE "${name}" IS_TEMPLATE false`, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`]),
    `DROP ROLE IF EXISTS ${role}`,
  ]);
}

// A run that was killed could not drop its role; the pid in the name says whether it is gone.
async function dropLeftoversOfDeadRuns(port: number): Promise<void> {
  const roles = await psqlAsPostgres(port, [`SELECT rolname FROM pg_roles WHERE rolname LIKE '${ROLE_PREFIX}%'`]);
  for (const role of roles.split('\n').map((name) => name.trim()).filter(Boolean)) {
    const pid = Number(role.slice(ROLE_PREFIX.length).split('_')[0]);
    if (Number.isInteger(pid) && pid > 0 && !existsSync(`/proc/${pid}`)) await dropRole(port, role).catch(() => {});
  }
}

async function serverVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ version: string }>('SELECT version()');
    return rows[0]!.version;
  } finally {
    await client.end();
  }
}

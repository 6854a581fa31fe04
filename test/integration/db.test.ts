// The database plumbing: migrations through the wasm schema engine, the embedded
// Postgres's persistence, and per-file test databases.
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, readdir, chmod, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPrismaClient } from '../../src/db/client.ts';
import { startEmbeddedPostgres } from '../../src/db/embedded/embedded-postgres.ts';
import { applyMigrations, createMigration, DEFAULT_MIGRATIONS_DIR, DEFAULT_SCHEMA_PATH } from '../../src/db/migrations/migrate.ts';
import { databaseUrlFor, runAdminStatements } from '../support/admin.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

const adminUrl = () => inject('databaseAdminUrl');
const scratch: string[] = [];
const emptyDatabases: string[] = [];

async function scratchFolder(): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'keyaccount-db-test-'));
  // As root the embedded server runs as "postgres" and has to get into this folder.
  await chmod(folder, 0o755);
  scratch.push(folder);
  return folder;
}

async function emptyDatabase(): Promise<string> {
  const name = `empty_${process.pid}_${emptyDatabases.length}`;
  await runAdminStatements(adminUrl(), [`CREATE DATABASE "${name}"`]);
  emptyDatabases.push(name);
  return databaseUrlFor(adminUrl(), name);
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function migrationNames(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
}

afterAll(async () => {
  if (emptyDatabases.length) {
    await runAdminStatements(adminUrl(), emptyDatabases.map((name) => `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  }
  for (const folder of scratch) await rm(folder, { recursive: true, force: true });
});

describe('applyMigrations', () => {
  it('applies every migration to a fresh database once, recorded the way Prisma records them', async () => {
    const url = await emptyDatabase();
    const expected = await migrationNames(DEFAULT_MIGRATIONS_DIR);
    expect(expected.length).toBeGreaterThan(0);

    expect(await applyMigrations(url)).toEqual(expected);
    expect(await applyMigrations(url)).toEqual([]);

    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null; applied_steps_count: number }>(
      url,
      'SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name',
    );
    expect(rows.map((row) => row.migration_name)).toEqual(expected);
    for (const row of rows) {
      const script = await readFile(path.join(DEFAULT_MIGRATIONS_DIR, row.migration_name, 'migration.sql'));
      expect(row.checksum).toBe(createHash('sha256').update(script).digest('hex'));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
    const tables = await query<{ table_name: string }>(url, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
    expect(tables.map((row) => row.table_name)).toEqual(expect.arrayContaining(['regions', 'staff', 'customers', 'audit_entries']));
  });

  it('on an up-to-date database (a restart) does not even start the schema engine, whose wasm would stay in memory', async () => {
    const url = await emptyDatabase();
    await applyMigrations(url);
    const engineLines: string[] = [];
    expect(await applyMigrations(url, { log: (line) => engineLines.push(line) })).toEqual([]);
    expect(engineLines).toEqual([]);
  });

  it('does nothing when there are no migrations', async () => {
    expect(await applyMigrations(adminUrl(), { migrationsDir: path.join(await scratchFolder(), 'none') })).toEqual([]);
  });
});

describe('createMigration', () => {
  it('finds nothing to do: prisma/schema.prisma is fully covered by prisma/migrations', async () => {
    // On a copy, so a forgotten migration fails this test instead of landing in the repo.
    const copy = path.join(await scratchFolder(), 'migrations');
    await cp(DEFAULT_MIGRATIONS_DIR, copy, { recursive: true });
    const created = await createMigration(adminUrl(), 'unexpected', { migrationsDir: copy });
    expect(created, 'schema.prisma has changes no migration holds: run npm run db:migration -- NAME').toBeNull();
  });

  it('writes the next migration in Prisma layout, and it applies on top of the others', async () => {
    const folder = await scratchFolder();
    const copy = path.join(folder, 'migrations');
    await cp(DEFAULT_MIGRATIONS_DIR, copy, { recursive: true });
    const schemaPath = path.join(folder, 'schema.prisma');
    const schema = await readFile(DEFAULT_SCHEMA_PATH, 'utf8');
    await writeFile(schemaPath, `${schema}\nmodel Note {\n  id   Int    @id\n  text String\n\n  @@map("notes")\n}\n`);
    const before = await migrationNames(copy);

    const created = await createMigration(adminUrl(), 'Add notes', { migrationsDir: copy, schemaPath, now: new Date('2099-01-02T03:04:05Z') });

    expect(created).toBe(path.join(copy, '20990102030405_add_notes'));
    expect(await readFile(path.join(created!, 'migration.sql'), 'utf8')).toContain('CREATE TABLE "notes"');
    expect(await readFile(path.join(copy, 'migration_lock.toml'), 'utf8')).toContain('provider = "postgresql"');
    const url = await emptyDatabase();
    expect(await applyMigrations(url, { migrationsDir: copy })).toEqual([...before, '20990102030405_add_notes']);
    expect(await createMigration(adminUrl(), 'again', { migrationsDir: copy, schemaPath })).toBeNull();
  });

  it('leaves no shadow database behind', async () => {
    // Only ours: a server shared with other runs may be making its own right now.
    const leftovers = await query<{ datname: string }>(
      adminUrl(),
      "SELECT datname FROM pg_database WHERE datname LIKE 'prisma_shadow_%' AND datdba = (SELECT oid FROM pg_roles WHERE rolname = current_user)",
    );
    expect(leftovers).toEqual([]);
  });
});

// The embedded server's own machinery, whichever server the rest of this file runs on.
describe.skipIf(inject('databaseServer') !== 'embedded')('startEmbeddedPostgres', () => {
  it('keeps its data across a stop and a start, even after an unclean stop left postmaster.pid behind', async () => {
    const dataDir = path.join(await scratchFolder(), 'cluster');
    const first = await startEmbeddedPostgres({ dataDir });
    try {
      await query(first.url, 'CREATE TABLE kept (value text); INSERT INTO kept VALUES (\'still here\')');
    } finally {
      await first.stop();
    }
    // What a crash leaves: a pid file naming a live process that is not Postgres (pids
    // are reused), which Postgres itself would refuse to start over.
    await writeFile(path.join(dataDir, 'postmaster.pid'), `${process.pid}\n${dataDir}\n0\n${first.port}\n`);

    const second = await startEmbeddedPostgres({ dataDir });
    try {
      expect(second.url).toMatch(/^postgresql:\/\/.*\/keyaccount$/);
      expect(await query(second.url, 'SELECT value FROM kept')).toEqual([{ value: 'still here' }]);
    } finally {
      await second.stop();
    }
  });
});

describe('createTestDatabase', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('gives a migrated database Prisma can write to and read from', async () => {
    await database.db.region.create({ data: { code: 'BJ', name: 'Beijing' } });
    const region = await database.db.region.findUniqueOrThrow({ where: { code: 'BJ' } });
    expect(region).toMatchObject({ code: 'BJ', name: 'Beijing', ticketChannelId: null });
    expect(region.createdAt).toBeInstanceOf(Date);
  });

  it('lets a transaction wait for a connection while the pool is busy, as every other query does', async () => {
    // Ten slow queries hold the pool's ten connections for 2.5 s; Prisma's own default
    // gives a transaction 2 s to get one, and under a flood of clicks a claim then failed.
    const db = createPrismaClient(database.url);
    try {
      const busy = Array.from({ length: 10 }, () => db.$queryRaw`SELECT pg_sleep(2.5)::text AS slept`.then((rows) => rows));
      await new Promise((resolve) => setTimeout(resolve, 100));
      const answer = await db.$transaction(async (tx) => tx.$queryRaw<{ one: number }[]>`SELECT 1 AS one`);
      expect(answer).toEqual([{ one: 1 }]);
      await Promise.all(busy);
    } finally {
      await db.$disconnect();
    }
  });

  it('is private to this file', async () => {
    const other = await createTestDatabase();
    try {
      expect(await other.db.region.count()).toBe(0);
    } finally {
      await other.drop();
    }
  });
});

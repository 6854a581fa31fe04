// The bot applies migrations with Prisma's schema engine compiled to wasm; an operator's
// pipeline may run `prisma migrate deploy` (the native engine) on the same database. Both
// must read and write one history: the _prisma_migrations table Prisma's native engine
// creates, one row per migration folder, checksum = sha256 of migration.sql.
import { createHash, randomUUID } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { applyMigrations, DEFAULT_MIGRATIONS_DIR, migrationStatus } from '../../src/db/migrations/migrate.ts';
import { databaseUrlFor, runAdminStatements } from '../support/admin.ts';

// The table exactly as the native engine creates it (prisma-engines, schema-engine's
// Postgres flavour, create_migrations_table).
const NATIVE_MIGRATIONS_TABLE = `
CREATE TABLE _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);`;

const databases: string[] = [];
const folders: string[] = [];
afterAll(async () => {
  const adminUrl = inject('databaseAdminUrl');
  if (databases.length) await runAdminStatements(adminUrl, databases.map((name) => `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

async function emptyDatabase(): Promise<string> {
  const name = `history_${process.pid}_${databases.length}`;
  await runAdminStatements(inject('databaseAdminUrl'), [`CREATE DATABASE "${name}"`]);
  databases.push(name);
  return databaseUrlFor(inject('databaseAdminUrl'), name);
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

async function migrationFolders(dir = DEFAULT_MIGRATIONS_DIR): Promise<string[]> {
  return (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

type Column = { column_name: string; data_type: string; character_maximum_length: number | null; is_nullable: string; column_default: string | null };
const columnsSql = `SELECT column_name, data_type, character_maximum_length, is_nullable, column_default
  FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '_prisma_migrations' ORDER BY ordinal_position`;
const primaryKeySql = `SELECT a.attname AS column FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
  WHERE i.indrelid = '_prisma_migrations'::regclass AND i.indisprimary`;

describe('the migration history', () => {
  it('is written in the native engine’s table, one finished row per folder with the sha256 of its migration.sql', async () => {
    const url = await emptyDatabase();
    const names = await migrationFolders();
    expect(await applyMigrations(url)).toEqual(names);

    const native = await emptyDatabase();
    await query(native, NATIVE_MIGRATIONS_TABLE);
    expect(await query<Column>(url, columnsSql)).toEqual(await query<Column>(native, columnsSql));
    expect(await query(url, primaryKeySql)).toEqual([{ column: 'id' }]);

    const rows = await query<{ id: string; migration_name: string; checksum: string; logs: string | null; started_at: Date; finished_at: Date | null; rolled_back_at: Date | null; applied_steps_count: number }>(
      url,
      'SELECT * FROM _prisma_migrations ORDER BY migration_name',
    );
    const expected = await Promise.all(
      names.map(async (name) => ({
        migration_name: name,
        checksum: sha256(await readFile(path.join(DEFAULT_MIGRATIONS_DIR, name, 'migration.sql'))),
        logs: null,
        rolled_back_at: null,
        applied_steps_count: 1,
      })),
    );
    expect(rows).toEqual(expected.map((row) => expect.objectContaining(row)));
    for (const row of rows) {
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
    }
    // What `prisma migrate status` would say: up to date, nothing edited or failed.
    expect(await migrationStatus(url)).toEqual({ history: null, failedMigrationNames: [], editedMigrationNames: [], hasMigrationsTable: true });
  });

  it('written by `prisma migrate deploy` is taken as it is: nothing re-applied, and a new migration goes on top', async () => {
    // A database migrated the way the native engine does it: each script as one simple
    // query, then its row (id, sha256 checksum, finished, one step).
    const url = await emptyDatabase();
    const names = await migrationFolders();
    await query(url, NATIVE_MIGRATIONS_TABLE);
    for (const name of names) {
      const script = await readFile(path.join(DEFAULT_MIGRATIONS_DIR, name, 'migration.sql'));
      await query(url, script.toString('utf8'));
      await query(
        url,
        'INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES ($1, $2, $3, now(), now(), 1)',
        [randomUUID(), sha256(script), name],
      );
    }
    expect(await migrationStatus(url)).toMatchObject({ history: null, failedMigrationNames: [], editedMigrationNames: [] });
    expect(await applyMigrations(url)).toEqual([]);

    const folder = await mkdtemp(path.join(os.tmpdir(), 'keyaccount-history-'));
    folders.push(folder);
    const copy = path.join(folder, 'migrations');
    await cp(DEFAULT_MIGRATIONS_DIR, copy, { recursive: true });
    const next = '29991231000000_notes';
    await mkdir(path.join(copy, next));
    await writeFile(path.join(copy, next, 'migration.sql'), 'CREATE TABLE "notes" ("id" INTEGER NOT NULL PRIMARY KEY);\n');
    expect(await migrationStatus(url, { migrationsDir: copy })).toMatchObject({ history: { diagnostic: 'databaseIsBehind', unappliedMigrationNames: [next] } });
    expect(await applyMigrations(url, { migrationsDir: copy })).toEqual([next]);
  });

  it('tells an edited migration apart, as `prisma migrate status` does', async () => {
    const url = await emptyDatabase();
    await applyMigrations(url);
    const [first] = await migrationFolders();
    await query(url, "UPDATE _prisma_migrations SET checksum = repeat('0', 64) WHERE migration_name = $1", [first]);
    expect((await migrationStatus(url)).editedMigrationNames).toEqual([first]);
  });
});

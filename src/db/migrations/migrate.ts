// Applies and creates migrations with Prisma's wasm schema engine (see schema-engine.ts),
// recording them in Prisma's own _prisma_migrations table.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { LOCKFILE_CONTENT, migrationSlug, readMigrationsList, writeMigration } from './migrations-folder.ts';
import { advisoryLocks, withAdvisoryLock } from '../advisory-lock.ts';
import { withSchemaEngine, type DiagnoseMigrationHistoryOutput } from './schema-engine.ts';
import { PROJECT_ROOT } from '../../project-root.ts';

export const DEFAULT_MIGRATIONS_DIR = path.join(PROJECT_ROOT, 'prisma', 'migrations');
export const DEFAULT_SCHEMA_PATH = path.join(PROJECT_ROOT, 'prisma', 'schema.prisma');

const NO_FILTERS = { externalTables: [], externalEnums: [] };
// Applying only needs to know the provider; the engine insists on some schema, and the
// real one may already describe changes that no migration holds yet.
const PROVIDER_ONLY_SCHEMA = { path: 'provider.prisma', content: 'datasource db {\n  provider = "postgresql"\n}\n' };

export interface MigrateOptions {
  migrationsDir?: string;
  /** Receives the schema engine's own log lines. */
  log?: (line: string) => void;
}

export interface ApplyOptions extends MigrateOptions {
  /** Called when another process is applying migrations and this one waits for it to finish. */
  onWait?: () => void;
}

export interface CreateMigrationOptions extends MigrateOptions {
  schemaPath?: string;
  /** Creation time used in the folder name (UTC). */
  now?: Date;
}

/**
 * Applies pending migrations; returns the names of those applied now (none when up to
 * date). One migrator at a time: replicas starting together wait for each other here,
 * however long a migration takes (the engine's own lock gives up after 10 s), and the
 * later ones find nothing left to do.
 */
export async function applyMigrations(databaseUrl: string, options: ApplyOptions = {}): Promise<string[]> {
  const migrationsList = await readMigrationsList(options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
  if (migrationsList.migrationDirectories.length === 0) return [];
  // The usual restart finds every migration applied: then the schema engine is not even
  // loaded, since its wasm instance (~20 MB) would stay in the bot's memory for good.
  if (await allApplied(databaseUrl, migrationsList.migrationDirectories.map((directory) => directory.path))) return [];
  return withAdvisoryLock(
    databaseUrl,
    advisoryLocks.migrations,
    async () => {
      const { appliedMigrationNames } = await withSchemaEngine(databaseUrl, [PROVIDER_ONLY_SCHEMA], engineLog(options.log), (engine) =>
        engine.applyMigrations({ migrationsList, filters: NO_FILTERS }),
      );
      return appliedMigrationNames;
    },
    { onWait: options.onWait },
  );
}

/** True when _prisma_migrations holds each of `names` finished and not rolled back. */
async function allApplied(databaseUrl: string, names: string[]): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on('error', () => {});
  try {
    await client.connect();
    const { rows } = await client.query<{ name: string }>(
      `SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL AND migration_name = ANY($1)`,
      [names],
    );
    return new Set(rows.map((row) => row.name)).size === names.length;
  } catch {
    // No history table yet (a fresh database), or no answer: the engine finds out.
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export type MigrationStatus = DiagnoseMigrationHistoryOutput;

/**
 * What `prisma migrate status` reports (the same engine call): unapplied, edited or
 * failed migrations, or `history: null` with no failures when the database is up to date.
 */
export async function migrationStatus(databaseUrl: string, options: MigrateOptions = {}): Promise<MigrationStatus> {
  const migrationsList = await readMigrationsList(options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
  return withSchemaEngine(databaseUrl, [PROVIDER_ONLY_SCHEMA], engineLog(options.log), (engine) =>
    engine.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters: NO_FILTERS }),
  );
}

/**
 * Writes a migration taking the migrations folder's schema to prisma/schema.prisma.
 * Returns the new folder, or null when they already agree. The database at databaseUrl
 * only hosts a temporary shadow database for replaying the existing migrations.
 */
export async function createMigration(databaseUrl: string, name: string, options: CreateMigrationOptions = {}): Promise<string | null> {
  const slug = migrationSlug(name);
  const migrationsDir = options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR;
  const schemaPath = path.resolve(options.schemaPath ?? DEFAULT_SCHEMA_PATH);
  const schema = { path: schemaPath, content: await readFile(schemaPath, 'utf8') };
  const list = await readMigrationsList(migrationsDir);
  // The engine will not read a migrations folder without its lockfile, which the very
  // first migration is about to create. (Diffing from "empty" instead would add a
  // CREATE SCHEMA "public" that Prisma's own first migration does not have.)
  const from = { ...list, lockfile: { ...list.lockfile, content: list.lockfile.content ?? LOCKFILE_CONTENT } };

  const diff = await withSchemaEngine(databaseUrl, [schema], engineLog(options.log), (engine) =>
    engine.diff({
      from: { tag: 'migrations', ...from },
      to: { tag: 'schemaDatamodel', files: [schema] },
      script: true,
      exitCode: true, // 2 = there are changes, 0 = none
      filters: NO_FILTERS,
    }),
  );
  if (diff.exitCode !== 2 || !diff.stdout) return null;
  return writeMigration(migrationsDir, slug, diff.stdout, options.now ?? new Date());
}

// The engine logs JSON tracing events; pass on just the message.
function engineLog(log: ((line: string) => void) | undefined): (line: string) => void {
  if (!log) return () => {};
  return (line) => {
    try {
      const event = JSON.parse(line) as { fields?: { message?: unknown } };
      if (typeof event.fields?.message === 'string') return log(event.fields.message);
    } catch {
      // not JSON: pass through as is
    }
    if (line.trim()) log(line.trim());
  };
}

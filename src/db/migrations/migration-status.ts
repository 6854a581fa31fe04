// Whether the database has every migration of prisma/migrations applied (finished and
// not rolled back in Prisma's _prisma_migrations table), for the readiness probe.
import type { Db } from '../client.ts';
import { DEFAULT_MIGRATIONS_DIR } from './migrate.ts';
import { readMigrationsList } from './migrations-folder.ts';

/** The migration names this build expects, in order. */
export async function expectedMigrations(migrationsDir = DEFAULT_MIGRATIONS_DIR): Promise<string[]> {
  const list = await readMigrationsList(migrationsDir);
  return list.migrationDirectories.map((directory) => directory.path);
}

/** The expected migrations the database has not applied (empty when up to date). */
export async function pendingMigrations(db: Db, expected: string[]): Promise<string[]> {
  const rows = await db.$queryRaw<{ name: string }[]>`
    SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  const applied = new Set(rows.map((row) => row.name));
  return expected.filter((name) => !applied.has(name));
}

// A throwaway embedded Postgres for the benchmarks: migrated, with the demo directory,
// durability off (it is deleted afterwards).
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { systemClock } from '../../src/clock.ts';
import { createPrismaClient, type PrismaClient } from '../../src/db/client.ts';
import { startEmbeddedPostgres } from '../../src/db/embedded/embedded-postgres.ts';
import { applyMigrations } from '../../src/db/migrations/migrate.ts';
import { seedDemoDirectory } from '../../src/domain/directory/seed-demo-directory.ts';

export type BenchDatabase = { url: string; db: PrismaClient; stop(): Promise<void> };

export async function startBenchDatabase(): Promise<BenchDatabase> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'keyaccount-bench-pg-'));
  await chmod(folder, 0o755);
  const server = await startEmbeddedPostgres({
    dataDir: path.join(folder, 'data'),
    settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_wal_size: '4GB' },
  });
  await applyMigrations(server.url);
  const db = createPrismaClient(server.url);
  await seedDemoDirectory({ db, clock: systemClock });
  return {
    url: server.url,
    db,
    async stop() {
      await db.$disconnect();
      await server.stop();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

/** Tickets made in bulk by SQL: `count` of them, ids from `first`, region by `regionOf` (SQL over g). */
export async function insertTickets(db: PrismaClient, options: { first: number; count: number; customerSql: string; regionSql: string; openedAt: Date; channelSql?: string }) {
  const { first, count, openedAt } = options;
  const deadline = new Date(openedAt.getTime() + 120 * 60_000);
  await db.$executeRawUnsafe(`
    INSERT INTO tickets (id, number, customer_code, region_code, service_type, scope, service_level, description,
                         status, opened_by_id, opened_at, window_minutes, restore_deadline, unclaimed_since, channel_id, updated_at)
    SELECT gen_random_uuid(), 'T-BENCH-' || lpad(g::text, 8, '0'), ${options.customerSql}, ${options.regionSql},
           'internet_line', 'within_province', 'AAA', 'bench ticket', 'open', 'api:bench',
           $1::timestamp, 120, $2::timestamp, $1::timestamp, ${options.channelSql ?? 'NULL'}, now()
    FROM generate_series(${first}, ${first + count - 1}) AS g`, openedAt, deadline);
}

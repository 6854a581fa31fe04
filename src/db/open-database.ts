// The database the bot runs on: DATABASE_URL when set (waited for while it comes up),
// otherwise an embedded Postgres in EMBEDDED_PG_DIR. Migrations are applied before
// anything else touches it.
import { embeddedDataDir } from './embedded/data-dir.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { createPrismaClient, type PrismaClient } from './client.ts';
import { startEmbeddedPostgres } from './embedded/embedded-postgres.ts';
import { advisoryLocks, withAdvisoryLock } from './advisory-lock.ts';
import { applyMigrations } from './migrations/migrate.ts';
import { waitForDatabase, isDatabaseReachable } from './reachability.ts';

export type OpenDatabase = {
  db: PrismaClient;
  /** Runs work while no other bot process on this database runs start-up work (see advisory-lock.ts). */
  duringStartup<T>(work: () => Promise<T>): Promise<T>;
  embedded: boolean;
  isReachable(): Promise<boolean>;
  close(): Promise<void>;
};

export async function openDatabase(config: Config, logger: Logger): Promise<OpenDatabase> {
  let url = config.databaseUrl;
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!url) {
    const dataDir = await embeddedDataDir({ configured: config.embeddedPostgres.dataDir, explicit: config.embeddedPostgres.dataDirExplicit, log: (line) => logger.warn(line) });
    logger.info({ dataDir }, 'DATABASE_URL is unset: starting the embedded Postgres');
    const embedded = await startEmbeddedPostgres({ dataDir, port: config.embeddedPostgres.port, log: (line) => logger.debug(line) });
    url = embedded.url;
    stopEmbedded = embedded.stop;
  }
  try {
    await waitForDatabase(url, logger);
    const applied = await applyMigrations(url, {
      log: (line) => logger.info(line),
      onWait: () => logger.info('another process is applying migrations: waiting for it to finish'),
    });
    logger.info({ applied: applied.length }, applied.length ? 'migrations applied' : 'database schema is up to date');
  } catch (error) {
    await stopEmbedded?.();
    throw error;
  }
  const db = createPrismaClient(url);
  const reachableUrl = url;
  return {
    db,
    embedded: Boolean(stopEmbedded),
    duringStartup: (work) => withAdvisoryLock(reachableUrl, advisoryLocks.startup, work),
    isReachable: () => isDatabaseReachable(reachableUrl),
    close: async () => {
      await db.$disconnect();
      await stopEmbedded?.();
    },
  };
}

// The suite's own Postgres: one throwaway embedded server (PostgreSQL 18) per test run,
// holding the migrated template every test file clones (see test/support/database.ts).
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../src/db/embedded/embedded-postgres.ts';
import { databaseUrlFor, prepareTemplateDatabase } from './support/admin.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the test server's maintenance database, for creating and dropping databases. */
    databaseAdminUrl: string;
    /** The migrated database that createTestDatabase clones. */
    databaseTemplate: string;
    /** Which server the project runs on: the suite's embedded one, or one the suite did not start. */
    databaseServer: 'embedded' | 'system';
  }
}

// Durability is pointless for a cluster that is deleted at the end of the run.
const THROWAWAY_SETTINGS = { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' };
const TEMPLATE = 'keyaccount_test_template';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'keyaccount-test-pg-'));
  // mkdtemp makes it 0700; as root the server runs as "postgres" and must get through it.
  await chmod(folder, 0o755);
  const log = process.env.DEBUG_POSTGRES ? (line: string) => console.error(`[postgres] ${line}`) : undefined;
  let server;
  try {
    server = await startEmbeddedPostgres({ dataDir: path.join(folder, 'data'), settings: THROWAWAY_SETTINGS, log });
    const adminUrl = databaseUrlFor(server.url, 'postgres');
    await prepareTemplateDatabase(adminUrl, TEMPLATE);
    project.provide('databaseAdminUrl', adminUrl);
    project.provide('databaseTemplate', TEMPLATE);
    project.provide('databaseServer', 'embedded');
  } catch (error) {
    await server?.stop();
    await rm(folder, { recursive: true, force: true });
    throw error;
  }

  const running = server;
  return async () => {
    await running.stop();
    await rm(folder, { recursive: true, force: true });
  };
}

// One throwaway Postgres per test run. Migrations are applied once, into a template
// database; every test file then clones it (createTestDatabase), which takes tens of
// milliseconds instead of re-running migrations.
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.ts';
import { applyMigrations } from '../src/db/migrate.ts';
import { TEMPLATE_DATABASE, databaseUrlFor, runAdminStatements } from './support/admin.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the test server's maintenance database, for creating and dropping databases. */
    databaseAdminUrl: string;
  }
}

// Durability is pointless for a cluster that is deleted at the end of the run.
const THROWAWAY_SETTINGS = { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' };

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'keyaccount-test-pg-'));
  // mkdtemp makes it 0700; as root the server runs as "postgres" and must get through it.
  await chmod(folder, 0o755);
  const log = process.env.DEBUG_POSTGRES ? (line: string) => console.error(`[postgres] ${line}`) : undefined;
  let server;
  try {
    server = await startEmbeddedPostgres({ dataDir: path.join(folder, 'data'), settings: THROWAWAY_SETTINGS, log });
    const adminUrl = databaseUrlFor(server.url, 'postgres');
    await runAdminStatements(adminUrl, [`CREATE DATABASE "${TEMPLATE_DATABASE}"`]);
    await applyMigrations(databaseUrlFor(server.url, TEMPLATE_DATABASE));
    // Cloning fails while anyone is connected to the template, so nobody may.
    await runAdminStatements(adminUrl, [`ALTER DATABASE "${TEMPLATE_DATABASE}" WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`]);
    project.provide('databaseAdminUrl', adminUrl);
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

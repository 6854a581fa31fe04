// A private, fully migrated database for one test file, cloned from the template that
// test/global-setup.ts prepared. Call drop() in afterAll.
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { createPrismaClient, type PrismaClient } from '../../src/db/client.ts';
import { databaseUrlFor, runAdminStatements } from './admin.ts';

export interface TestDatabase {
  url: string;
  db: PrismaClient;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('databaseAdminUrl');
  const name = `test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await runAdminStatements(adminUrl, [`CREATE DATABASE "${name}" TEMPLATE "${inject('databaseTemplate')}"`]);
  const url = databaseUrlFor(adminUrl, name);
  const db = createPrismaClient(url);
  let dropped: Promise<void> | undefined;
  return {
    url,
    db,
    drop: () =>
      (dropped ??= (async () => {
        await db.$disconnect();
        // FORCE: a test that failed midway may still hold connections.
        await runAdminStatements(adminUrl, [`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`]);
      })()),
  };
}

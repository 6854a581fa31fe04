// Statements that cannot run through Prisma (CREATE/DROP DATABASE) and URL juggling,
// shared by the global setups and createTestDatabase.
import pg from 'pg';
import { applyMigrations } from '../../src/db/migrations/migrate.ts';

export function databaseUrlFor(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.href;
}

export async function runAdminStatements(adminUrl: string, statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    for (const sql of statements) await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Migrations are applied once, into a template database; every test file then clones it
 * (createTestDatabase), which takes tens of milliseconds instead of re-running migrations.
 */
export async function prepareTemplateDatabase(adminUrl: string, name: string): Promise<void> {
  await runAdminStatements(adminUrl, [`CREATE DATABASE "${name}"`]);
  await applyMigrations(databaseUrlFor(adminUrl, name));
  // Cloning fails while anyone is connected to the template, so nobody may.
  await runAdminStatements(adminUrl, [`ALTER DATABASE "${name}" WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`]);
}

export async function dropTemplateDatabase(adminUrl: string, name: string): Promise<void> {
  await runAdminStatements(adminUrl, [`ALTER DATABASE "${name}" WITH IS_TEMPLATE false`, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`]);
}

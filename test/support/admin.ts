// Statements that cannot run through Prisma (CREATE/DROP DATABASE) and URL juggling,
// shared by the global setup and createTestDatabase.
import pg from 'pg';

export const TEMPLATE_DATABASE = 'keyaccount_test_template';

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

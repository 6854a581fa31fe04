// The "system-postgres" project's server: a PostgreSQL the bot did not start (Debian's
// package, see test/support/system-postgres.ts), given to the same tests through the same
// provided URL and template as the embedded one, so they run unchanged against it.
import type { TestProject } from 'vitest/node';
import { dropTemplateDatabase, prepareTemplateDatabase } from './support/admin.ts';
import { startSystemPostgres } from './support/system-postgres.ts';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const log = (line: string) => console.log(`[system-postgres] ${line}`);
  const server = await startSystemPostgres(log);
  log(`running the database tests on ${server.version.split(',')[0]}`);
  // The server may be shared with other runs: a name of our own.
  const template = `keyaccount_test_template_${process.pid}`;
  try {
    await prepareTemplateDatabase(server.adminUrl, template);
  } catch (error) {
    await server.cleanup();
    throw error;
  }
  project.provide('databaseAdminUrl', server.adminUrl);
  project.provide('databaseTemplate', template);
  project.provide('databaseServer', 'system');
  return async () => {
    await dropTemplateDatabase(server.adminUrl, template).catch(() => {});
    await server.cleanup();
  };
}

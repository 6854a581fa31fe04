import { defineConfig } from 'vitest/config';
import { systemPostgresPlan } from './test/support/system-postgres.ts';

// Two servers, two projects. "embedded": every test, on the suite's own embedded
// PostgreSQL 18. "system-postgres": the database integration tests and one end-to-end
// flow again, unchanged, on a PostgreSQL the bot did not start (Debian's 15, installed
// and started by the suite itself when it runs as root; see test/support/system-postgres.ts).
// One project only: `npx vitest run --project embedded test/…`.
const systemPostgres = systemPostgresPlan();
if (!systemPostgres.use) console.warn(`[system-postgres] not run: ${systemPostgres.why}`);

const shared = {
  // Dates in tests are written in UTC; the machine's zone must not leak in.
  env: { TZ: 'UTC' },
  // A process per test file: process-wide state (env, exit hooks, the schema engine's
  // wasm instance) cannot leak between files.
  pool: 'forks' as const,
  // Vitest's default is one file at a time per core less one: a single file on a 2-core
  // machine. The files spend most of their time waiting on Postgres, child processes and
  // HTTP, so three at once halve the suite's time (9.5 → under 5 minutes here).
  maxWorkers: 3,
  testTimeout: 20_000,
  // Starting a test bot or an extra Postgres cluster in beforeAll takes a few seconds.
  hookTimeout: 60_000,
};

export default defineConfig({
  test: {
    ...shared,
    projects: [
      {
        test: {
          ...shared,
          name: 'embedded',
          include: ['test/**/*.test.ts'],
          // One embedded Postgres for the whole run; each test file clones a migrated template.
          globalSetup: ['test/global-setup.ts'],
        },
      },
      ...(systemPostgres.use
        ? [
            {
              test: {
                ...shared,
                name: 'system-postgres',
                include: ['test/integration/**/*.test.ts', 'test/e2e/ticket-lifecycle.test.ts'],
                globalSetup: ['test/system-postgres-setup.ts'],
              },
            },
          ]
        : []),
    ],
  },
});

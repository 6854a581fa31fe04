import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One embedded Postgres for the whole run; each test file clones a migrated template.
    globalSetup: ['test/global-setup.ts'],
    // Dates in tests are written in UTC; the machine's zone must not leak in.
    env: { TZ: 'UTC' },
    // A process per test file: process-wide state (env, exit hooks, the schema engine's
    // wasm instance) cannot leak between files.
    pool: 'forks',
    testTimeout: 20_000,
    // Starting a test bot or an extra Postgres cluster in beforeAll takes a few seconds.
    hookTimeout: 60_000,
  },
});

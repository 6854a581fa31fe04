// Two replicas start at the same moment on one empty database (a deployment rolling
// out, compose starting two bots): every one of them comes up and answers Slack, the
// migrations are applied exactly once, and the start-up directory work (demo directory,
// ADMIN_SLACK_IDS) is done once.
import { afterAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { startBot, type RunningBot } from '../../src/app.ts';
import { advisoryLocks } from '../../src/db/advisory-lock.ts';
import { applyMigrations } from '../../src/db/migrations/migrate.ts';
import { startFakeSlack, type FakeSlack } from '../../src/sandbox/slack-stand-in/server.ts';
import { databaseUrlFor, runAdminStatements } from '../support/admin.ts';
import { createSlackDriver } from '../../src/sandbox/slack-stand-in/slack-requests.ts';
import { testConfig, testSigningSecret } from '../support/test-config.ts';

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function emptyDatabase(label: string): Promise<string> {
  const adminUrl = inject('databaseAdminUrl');
  const name = `concurrent_${label}_${process.pid}`;
  await runAdminStatements(adminUrl, [`CREATE DATABASE "${name}"`]);
  cleanups.push(() => runAdminStatements(adminUrl, [`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`]));
  return databaseUrlFor(adminUrl, name);
}

async function rows<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('bots starting at once on an empty database', () => {
  it('all come up, migrate once and prepare the directory once', async () => {
    const url = await emptyDatabase('bots');
    const slack: FakeSlack = await startFakeSlack();
    cleanups.push(() => slack.close());
    const config = testConfig({ databaseUrl: url, slackApiUrl: slack.apiUrl });

    const bots: RunningBot[] = await Promise.all([1, 2].map(() => startBot({ config, startJobs: false })));
    cleanups.push(() => Promise.all(bots.map((bot) => bot.stop())));

    for (const bot of bots) {
      const driver = createSlackDriver({ baseUrl: `http://127.0.0.1:${bot.port}`, signingSecret: testSigningSecret });
      const responseUrl = slack.responseUrl();
      expect((await driver.command({ command: '/am', text: 'whoami', userId: 'U0ADMIN', responseUrl })).status).toBe(200);
      const answer = await slack.waitFor((c) => c.responseUrl === responseUrl, 10_000);
      expect(answer.args.text ?? JSON.stringify(answer.args.blocks)).toBeTruthy();
    }
    const migrations = await rows<{ migration_name: string; n: string }>(
      url,
      'SELECT migration_name, count(*) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL GROUP BY migration_name',
    );
    expect(migrations.length).toBeGreaterThan(0);
    expect(migrations.filter((m) => m.n !== '1')).toEqual([]);
    expect(await rows(url, 'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NULL OR rolled_back_at IS NOT NULL')).toEqual([]);
    const audits = await rows<{ action: string; n: string }>(url, "SELECT action, count(*) AS n FROM audit_entries WHERE actor_id = 'system' GROUP BY action");
    expect(audits.find((a) => a.action === 'staff.admin_from_config')?.n).toBe('1');
    expect(audits.find((a) => a.action === 'directory.imported')?.n).toBe('3'); // regions, staff, customers
  }, 120_000);

  it('a migrator waits while another process holds the migration lock, for as long as it takes', async () => {
    const url = await emptyDatabase('wait');
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    await other.query('SELECT pg_advisory_lock($1)', [advisoryLocks.migrations]);
    let waited = false;
    let finished = false;
    const applying = applyMigrations(url, { onWait: () => (waited = true) }).finally(() => (finished = true));
    // Longer than a migration run takes here, shorter than the engine's own 10-second lock timeout.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect({ waited, finished }).toEqual({ waited: true, finished: false });
    expect(await rows(url, "SELECT to_regclass('_prisma_migrations') AS t")).toEqual([{ t: null }]);

    await other.end(); // the other process is gone: its lock goes with its session
    expect((await applying).length).toBeGreaterThan(0);
  }, 60_000);
});

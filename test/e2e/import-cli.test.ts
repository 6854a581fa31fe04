// `npm run import -- customers FILE.csv` as a process: a file with one bad row imports
// nothing and names the line; a good file imports every row.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoDirectory } from '../../src/domain/directory/seed-demo-directory.ts';
import { createTestDatabase } from '../support/database.ts';
import { testClock } from '../support/test-clock.ts';

const run = promisify(execFile);
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let folder: string;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoDirectory({ db: database.db, clock: testClock('2026-11-23T00:00:00Z') });
  folder = await mkdtemp(join(tmpdir(), 'import-cli-'));
});
afterAll(async () => {
  await database.drop();
  await rm(folder, { recursive: true, force: true });
});

async function importFile(kind: string, csv: string) {
  const file = join(folder, `${kind}-${Date.now()}.csv`);
  await writeFile(file, csv);
  const env = { PATH: process.env.PATH!, DATABASE_URL: database.url, DOTENV_CONFIG_PATH: '/nonexistent', LOG_LEVEL: 'silent' };
  return run(join(process.cwd(), 'node_modules/.bin/tsx'), ['src/cli/import-directory.ts', kind, file], { env }).then(
    ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, output: error.stdout + error.stderr }),
  );
}

describe('npm run import', () => {
  it('imports nothing from a file with one bad row and reports its line', async () => {
    const before = await database.db.staff.count();
    const result = await importFile('staff', [
      'slack_user_id,name,role,grade,region,timezone',
      'U0IMPORT1,钱程,account_manager,mid,BJ,Asia/Shanghai',
      'U0IMPORT2,Wu Fang,chief,mid,BJ,Asia/Shanghai',
      'U0IMPORT3,郑雪,field_engineer,,SH,Asia/Shanghai',
    ].join('\n'));
    expect(result.code).toBe(1);
    expect(result.output).toContain('Nothing was imported: 1 problem(s)');
    expect(result.output).toMatch(/line 3, role: /);
    expect(await database.db.staff.count()).toBe(before);
  });

  it('imports every row of a good file', async () => {
    const result = await importFile('regions', 'code,name,ticket_channel,cross_region_channel,supervisor_channel\nsz,深圳,C0SZTKT,C0SZXRG,C0SZSUP\n');
    expect(result).toEqual({ code: 0, output: 'Imported regions: 1 new, 0 updated.\n' });
    expect(await database.db.region.findUnique({ where: { code: 'SZ' } })).toMatchObject({ name: '深圳', ticketChannelId: 'C0SZTKT' });
  });
});

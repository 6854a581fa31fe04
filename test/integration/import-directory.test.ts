// CSV import: all rows or none, with a line-numbered report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDirectory } from '../../src/domain/directory/import-directory.ts';
import { seedDemoDirectory } from '../../src/domain/directory/seed-demo-directory.ts';
import { createTestDatabase } from '../support/database.ts';
import { testClock } from '../support/test-clock.ts';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
const clock = testClock('2026-11-23T02:00:00Z');
const deps = () => ({ db: database.db, clock });

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoDirectory(deps());
});
afterAll(() => database.drop());

const header = 'code,name,kind,card_tier,group_class,service_level,region,account_manager,phone,joined_on,birthday';

describe('importDirectory', () => {
  it('imports nothing when one row is wrong, and reports its line and column', async () => {
    const csv = [
      header,
      'N001,新客户一,group,,A,AAA,BJ,U0DEMOAM1,010-62345678,2026-11-01,',
      'N002,新客户二,vip,platinum,,,BJ,U0DEMOAM1,13800138000,2026-11-02,',
      'N003,New Three,group,,B,AA,SH,U0DEMOAM3,021-61234567,2026-11-03,',
    ].join('\n');
    const before = await database.db.customer.count();
    const result = await importDirectory(deps(), { kind: 'customers', csv, actorId: 'U0ADMIN' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([expect.objectContaining({ line: 3, column: 'card_tier' })]);
    expect(await database.db.customer.count()).toBe(before);
  });

  it('reports every broken reference, duplicate and bad value by line', async () => {
    const csv = [
      header,
      'N001,甲,group,,A,AAA,XX,U0DEMOAM1,010-62345678,,',
      'N002,乙,group,,A,AAA,BJ,U0NOBODY,12345,2026-02-30,',
      'N001,丙,vip,gold,,,BJ,,,,',
    ].join('\n');
    const result = await importDirectory(deps(), { kind: 'customers', csv, actorId: 'U0ADMIN' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const where = result.problems.map((p) => `${p.line}:${p.column ?? ''}`);
    expect(where).toEqual(expect.arrayContaining(['2:region', '3:phone', '3:joined_on', '3:account_manager', '4:']));
  });

  it('imports every row of a good file, Chinese included, with an audit entry', async () => {
    const csv = `\uFEFF${header}\nN010,深圳湾数据中心,group,,A,AAA,GZ,,0755 8888 6666,2026-11-20,\nN011,Zhou Li,vip,gold,,,SH,U0DEMOAM3,+86 139 0101 0002,,1990-02-28\n`;
    const result = await importDirectory(deps(), { kind: 'customers', csv, actorId: 'U0ADMIN' });
    expect(result).toEqual({ ok: true, kind: 'customers', created: 2, updated: 0 });
    const stored = await database.db.customer.findUniqueOrThrow({ where: { code: 'N010' } });
    expect(stored).toMatchObject({ name: '深圳湾数据中心', phone: '075588886666', serviceLevel: 'AAA' });
    expect(await database.db.auditEntry.count({ where: { action: 'directory.imported', actorId: 'U0ADMIN' } })).toBe(1);
  });

  it('updates rows that already exist instead of duplicating them', async () => {
    const csv = `${header}\nN011,Zhou Li,vip,diamond,,,SH,U0DEMOAM3,13901010002,,1990-02-28\n`;
    const result = await importDirectory(deps(), { kind: 'customers', csv, actorId: 'U0ADMIN' });
    expect(result).toEqual({ ok: true, kind: 'customers', created: 0, updated: 1 });
    expect((await database.db.customer.findUniqueOrThrow({ where: { code: 'N011' } })).cardTier).toBe('diamond');
  });
});

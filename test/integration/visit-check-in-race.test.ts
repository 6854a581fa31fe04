// Check-in and check-out clicked twice at the same instant (a double tap on a phone, two
// devices): exactly one visit starts, and exactly one End counts — on a real database
// with real concurrency.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoDirectory } from '../../src/domain/directory/seed-demo-directory.ts';
import { endVisit, startVisit } from '../../src/domain/visits/visit-check-in.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { testClock } from '../support/test-clock.ts';
import { testConfig } from '../support/test-config.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

describe('visit check-in under concurrency', () => {
  it('starts one visit and ends it once, however many clicks come at once', async () => {
    const config = testConfig({ databaseUrl: database.url, slackApiUrl: 'http://127.0.0.1:9/api/' });
    const clock = testClock('2026-11-23T02:00:00Z');
    const deps = { db: database.db, clock, config };
    await seedDemoDirectory(deps);
    for (let round = 0; round < 5; round++) {
      const starts = await Promise.allSettled([
        startVisit(deps, { actorId: 'U0DEMOAM1', customerCode: 'C0001' }),
        startVisit(deps, { actorId: 'U0DEMOAM1', customerCode: 'C0002' }),
        startVisit(deps, { actorId: 'U0DEMOAM1', customerCode: 'C0004' }),
      ]);
      expect(starts.filter((s) => s.status === 'fulfilled')).toHaveLength(1);
      expect(starts.filter((s) => s.status === 'rejected').map((s) => (s as PromiseRejectedResult).reason.code)).toEqual(['visit_already_started', 'visit_already_started']);
      clock.advance(30 * 60_000);
      const ends = await Promise.allSettled([endVisit(deps, { actorId: 'U0DEMOAM1' }), endVisit(deps, { actorId: 'U0DEMOAM1' })]);
      expect(ends.filter((e) => e.status === 'fulfilled')).toHaveLength(1);
      expect(await database.db.visitCheckIn.count({ where: { managerId: 'U0DEMOAM1', endedAt: null } })).toBe(0);
    }
    const rows = await database.db.visitCheckIn.findMany();
    expect(rows).toHaveLength(5);
    expect(await database.db.auditEntry.count({ where: { action: 'visit.checked_out' } })).toBe(5);
  });
});

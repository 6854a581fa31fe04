// A batch that takes long (Slack rate-limiting it) keeps its timers: the sweep renews
// their leases while it runs, so another process's sweep after the original lease would
// have run out does not fire them a second time. Interval timers and Date are faked, so
// "a long time" passes without waiting.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { scheduleTimer } from '../../src/domain/timers/schedule-timer.ts';
import { sweepDueTimers, type TimerHandlers } from '../../src/jobs/sweep-due-timers.ts';
import { createLogger } from '../../src/logger.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  vi.useRealTimers();
  await database.drop();
});

const logger = createLogger('silent');
const leaseMillis = 60_000;

async function until(predicate: () => Promise<boolean> | boolean): Promise<void> {
  for (let i = 0; i < 500 && !(await predicate()); i++) await new Promise((resolve) => setImmediate(resolve));
}

describe('lease renewal', () => {
  it('keeps a slow batch’s timers from being fired again by another sweep', async () => {
    const { db } = database;
    const now = new Date('2026-11-23T02:00:00Z');
    await scheduleTimer({ db }, { kind: 'slow', subjectId: 'one', dueAt: now });
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'], now: now.getTime() });

    let calls = 0;
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const handlers: TimerHandlers = { slow: async () => (calls++, await finished, null) };
    const slowSweep = sweepDueTimers({ db, handlers, logger, now, owner: 'slow', leaseMillis });
    await until(() => calls === 1);

    // Two and a half leases later (wall clock), the slow sweep is still waiting for Slack.
    const lease = async () => (await db.timer.findFirstOrThrow({ where: { kind: 'slow' } })).leaseUntil!.getTime();
    for (let third = 1; third <= 7; third++) {
      const before = await lease();
      vi.advanceTimersByTime(leaseMillis / 3);
      await until(async () => (await lease()) > before);
    }
    const later = new Date(now.getTime() + 2.5 * leaseMillis);
    expect(await lease()).toBeGreaterThan(later.getTime());
    expect(await sweepDueTimers({ db, handlers, logger, now: later, owner: 'other' })).toEqual({ fired: 0, failed: 0 });

    finish();
    expect(await slowSweep).toEqual({ fired: 1, failed: 0 });
    expect(calls).toBe(1);
    const settled = await db.timer.findFirstOrThrow({ where: { kind: 'slow' } });
    expect(settled).toMatchObject({ dueAt: null, leaseOwner: null, leaseUntil: null });
    vi.useRealTimers();
  });
});

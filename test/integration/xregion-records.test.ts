// Cross-region records on a real Postgres: submitted forms cannot be changed even by
// SQL, and every "first one wins" — accept, request numbers, corrections, deadline
// steps — holds under real parallel transactions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoDirectory } from '../../src/domain/directory/seed-demo-directory.ts';
import { acceptCrossRegionRequest } from '../../src/domain/xregion/accept-request.ts';
import { correctAcceptanceForm } from '../../src/domain/xregion/correct-forms.ts';
import { claimDeadlineStep } from '../../src/domain/xregion/deadline-timer.ts';
import { openCrossRegionRequest } from '../../src/domain/xregion/open-request.ts';
import { DomainError } from '../../src/errors.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { testClock } from '../support/test-clock.ts';

let database: TestDatabase;
const clock = testClock('2026-11-23T02:00:00Z');
const policy = { replyHours: { diamond: 4, gold: 8, silver: 24, other: 24 }, reminderLeadMinutes: 60 };
const deps = () => ({ db: database.db, clock });
const form = { memberNumber: 'C0004', service: 'bill_query', description: '查询账单', contactPhone: '13801010001' };
const open = () => openCrossRegionRequest(deps(), { openerId: 'U0DEMOAM3', form, policy, timeZone: 'Asia/Shanghai' });

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoDirectory(deps());
});
afterAll(() => database.drop());

describe('submitted forms', () => {
  it('cannot be updated or deleted, even with SQL', async () => {
    const { requestId } = await open();
    await expect(database.db.$executeRaw`UPDATE xregion_acceptance_forms SET member_name = 'x' WHERE request_id = ${requestId}::uuid`).rejects.toThrow(/kept for audit/);
    await expect(database.db.$executeRaw`DELETE FROM xregion_acceptance_forms WHERE request_id = ${requestId}::uuid`).rejects.toThrow(/kept for audit/);
    await database.db.$executeRaw`INSERT INTO xregion_reply_forms (request_id, version, result, actions_taken, handled_by, handled_at, submitted_by_id, submitted_at)
      VALUES (${requestId}::uuid, 1, 'done', 'x', 'y', now(), 'U0DEMOAM2', now())`;
    await expect(database.db.$executeRaw`UPDATE xregion_reply_forms SET notes = 'x' WHERE request_id = ${requestId}::uuid`).rejects.toThrow(/kept for audit/);
    expect((await database.db.xregionAcceptanceForm.findFirstOrThrow({ where: { requestId } })).memberName).toBe('周文华');
  });
});

describe('under parallel transactions', () => {
  it('gives ten requests opened at once ten different numbers', async () => {
    clock.set('2026-11-24T02:00:00Z');
    const opened = await Promise.all(Array.from({ length: 10 }, open));
    expect(opened.map((o) => o.number).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `XR-20261124-${String(i + 1).padStart(3, '0')}`));
  });

  it('leaves exactly one handler when eight colleagues accept at once', async () => {
    const { requestId } = await open();
    const clickers = ['U0DEMOAM1', 'U0DEMOAM2', 'U0DEMOENG1', 'U0DEMOSUP1', 'U0DEMOAM1', 'U0DEMOAM2', 'U0DEMOENG1', 'U0DEMOSUP1'];
    const outcomes = await Promise.allSettled(clickers.map((actorId) => acceptCrossRegionRequest(deps(), { requestId, actorId })));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    for (const o of outcomes) if (o.status === 'rejected') expect((o.reason as DomainError).code).toBe('xregion_already_accepted');
    const request = await database.db.xregionRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(clickers).toContain(request.handlerId);
    expect(await database.db.auditEntry.count({ where: { subject: `xregion:${request.number}`, action: 'xregion.accepted' } })).toBe(1);
  });

  it('keeps one of two simultaneous corrections and refuses the other', async () => {
    const { requestId } = await open();
    const corrections = ['第一次更正', '第二次更正'].map((description) =>
      correctAcceptanceForm(deps(), { requestId, actorId: 'U0DEMOAM3', form: { ...form, memberName: null, verifiedBy: null, description } }),
    );
    const outcomes = await Promise.allSettled(corrections);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'rejected').map((o) => ((o as PromiseRejectedResult).reason as DomainError).code)).toEqual(['xregion_correction_conflict']);
    expect(await database.db.xregionAcceptanceForm.count({ where: { requestId } })).toBe(2);
  });

  it('lets only one sweep claim a deadline step', async () => {
    const { requestId } = await open();
    const now = new Date('2026-11-24T05:00:00Z');
    const claims = await Promise.all(Array.from({ length: 6 }, () => claimDeadlineStep(database.db, requestId, 'reminder', now)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    const breaches = await Promise.all(Array.from({ length: 6 }, () => claimDeadlineStep(database.db, requestId, 'breach', now)));
    expect(breaches.filter(Boolean)).toHaveLength(1);
  });
});

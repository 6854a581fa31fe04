// Visit writes on a real Postgres under real concurrency: simultaneous visits to one
// customer both count for the follow-up date; of two simultaneous edits of the same
// version exactly one is saved; the reminder claim has exactly one winner.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoDirectory } from '../../src/domain/directory/seed-demo-directory.ts';
import { editVisit } from '../../src/domain/visits/edit-visit.ts';
import { defaultFollowUpPolicy } from '../../src/domain/visits/follow-up-policy.ts';
import { logVisit } from '../../src/domain/visits/log-visit.ts';
import { buildManagerDigest } from '../../src/domain/visits/manager-digest.ts';
import { claimReminder } from '../../src/domain/visits/reminder-claims.ts';
import { DomainError } from '../../src/errors.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { testClock } from '../support/test-clock.ts';

let database: TestDatabase;
const clock = testClock('2026-11-23T02:00:00Z');
const deps = () => ({ db: database.db, clock });
const policy = defaultFollowUpPolicy;

const visit = (customerCode: string, occurredAt: string, extra: Record<string, unknown> = {}) =>
  logVisit(deps(), {
    actorId: 'U0DEMOAM1',
    fields: { customerCode, kind: 'phone', occurredAt: new Date(occurredAt), summary: 'Call', ...extra },
    timeZone: 'Asia/Shanghai',
    source: 'quick',
    policy,
  });

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoDirectory(deps());
});
afterAll(() => database.drop());

describe('logging visits concurrently', () => {
  it('recomputes the follow-up date from all of them, whichever commits last', async () => {
    // Ten calls to the same customer at once, on ten different days; the latest (the 22nd)
    // promises a follow-up on 1 December.
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        visit('C0002', `2026-11-${String(13 + i).padStart(2, '0')}T02:00:00Z`, i === 9 ? { nextFollowUpOn: '2026-12-01' } : {}),
      ),
    );
    expect(await database.db.visit.count({ where: { customerCode: 'C0002' } })).toBe(10);
    const followUp = await database.db.customerFollowUp.findUniqueOrThrow({ where: { customerCode: 'C0002' } });
    expect(followUp).toMatchObject({ lastContactOn: new Date('2026-11-22'), promisedOn: new Date('2026-12-01'), nextContactDueOn: new Date('2026-12-01') });
  });
});

describe('editing a visit concurrently', () => {
  it('saves exactly one of two edits made from the same version; the other is refused', async () => {
    const logged = await visit('C0004', '2026-11-23T01:00:00Z');
    const edit = (summary: string) =>
      editVisit(deps(), {
        actorId: 'U0DEMOAM1',
        visitId: logged.visitId,
        expectedVersion: 1,
        fields: { customerCode: 'C0004', kind: 'phone', occurredAt: new Date('2026-11-23T01:00:00Z'), summary },
        timeZone: 'Asia/Shanghai',
        policy,
      });
    const outcomes = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => edit(`Edit ${i}`)));
    const saved = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(saved).toHaveLength(1);
    expect(refused.every((o) => o.reason instanceof DomainError && o.reason.code === 'visit_edited_meanwhile')).toBe(true);
    const versions = await database.db.visitVersion.findMany({ where: { visitId: logged.visitId }, orderBy: { version: 'asc' } });
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(versions[0]!.summary).toBe('Call');
    expect(await database.db.auditEntry.count({ where: { subject: `visit:${logged.visitId}`, action: 'visit.edited' } })).toBe(1);
  });

  it('keeps the dates a visit already had when an old visit is corrected', async () => {
    clock.set('2026-11-01T02:00:00Z');
    const logged = await visit('C0001', '2026-11-01T01:00:00Z', { nextFollowUpOn: '2026-11-05' });
    clock.set('2026-11-23T02:00:00Z');
    const fields = { customerCode: 'C0001', kind: 'phone', occurredAt: new Date('2026-11-01T01:00:00Z'), summary: 'Call (typo fixed)', nextFollowUpOn: '2026-11-05' };
    await expect(editVisit(deps(), { actorId: 'U0DEMOAM1', visitId: logged.visitId, expectedVersion: 1, fields, timeZone: 'Asia/Shanghai', policy })).resolves.toMatchObject({ version: 2 });
    const moved = { ...fields, nextFollowUpOn: '2026-11-06' };
    await expect(editVisit(deps(), { actorId: 'U0DEMOAM1', visitId: logged.visitId, expectedVersion: 2, fields: moved, timeZone: 'Asia/Shanghai', policy })).rejects.toMatchObject({
      issues: [{ field: 'nextFollowUpOn', message: 'error.visit_follow_up_in_past' }],
    });
  });
});

describe('a promised follow-up', () => {
  const at = (iso: string, extra: Record<string, unknown> = {}) => {
    clock.set(iso);
    return logVisit(deps(), {
      actorId: 'U0DEMOAM2',
      fields: { customerCode: 'C0003', kind: 'phone', occurredAt: new Date(iso), summary: 'Call', ...extra },
      timeZone: 'Asia/Shanghai',
      source: 'modal',
      policy,
    });
  };
  const digestOn = async (today: string) => (await buildManagerDigest(deps(), { managerId: 'U0DEMOAM2', today, policy })).dueToday.filter((d) => d.code === 'C0003');

  it('stands when a visit from earlier the same day is logged after a later contact, and the digest lists it on its day', async () => {
    await at('2026-11-23T02:00:00Z');
    // The morning's visit, logged after the 10:00 call, promises a follow-up on the 26th.
    clock.set('2026-11-23T03:00:00Z');
    const logged = await logVisit(deps(), {
      actorId: 'U0DEMOAM2',
      fields: { customerCode: 'C0003', kind: 'on_site', occurredAt: new Date('2026-11-23T01:00:00Z'), summary: 'Visit', nextFollowUpOn: '2026-11-26' },
      timeZone: 'Asia/Shanghai',
      source: 'modal',
      policy,
    });
    expect(logged.nextContact).toEqual({ dueOn: '2026-11-26', reason: 'promise' });
    expect((await digestOn('2026-11-26')).map((d) => d.next)).toEqual([{ dueOn: '2026-11-26', reason: 'promise' }]);
  });

  it('stands through a contact before the promised day and is kept by one on it', async () => {
    expect((await at('2026-11-25T02:00:00Z')).nextContact).toEqual({ dueOn: '2026-11-26', reason: 'promise' });
    // Kept: the tier's cadence (A: 45 days) counts from that contact.
    expect((await at('2026-11-26T02:00:00Z')).nextContact).toEqual({ dueOn: '2027-01-10', reason: 'cadence' });
    expect(await digestOn('2026-11-26')).toEqual([]);
  });

  it('is replaced by a newer promise, even a later one', async () => {
    await at('2026-11-27T02:00:00Z', { nextFollowUpOn: '2026-12-05' });
    expect((await at('2026-11-28T02:00:00Z', { nextFollowUpOn: '2026-12-10' })).nextContact).toEqual({ dueOn: '2026-12-10', reason: 'promise' });
    clock.set('2026-11-23T02:00:00Z');
  });
});

describe('claiming a reminder', () => {
  it('has exactly one winner among simultaneous claims of the same person and day', async () => {
    const key = { kind: 'digest' as const, recipientId: 'U0DEMOAM2', localDate: '2026-11-23' };
    const claims = await Promise.all(Array.from({ length: 8 }, () => claimReminder(database.db, key, clock.now())));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await claimReminder(database.db, { ...key, localDate: '2026-11-24' }, clock.now())).toBe(true);
  });
});

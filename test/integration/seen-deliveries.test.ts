// The table of deliveries already handled, on a real Postgres: of many processes seeing
// the same delivery at once exactly one handles it; old keys are pruned, recent ones kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliveryKey, pruneSeenDeliveries, recordDeliveries, recordDelivery, seenDeliveryRetentionMillis } from '../../src/slack/seen-deliveries.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

const at = new Date('2026-11-23T02:00:00Z');

describe('seen deliveries', () => {
  it('has exactly one first delivery under real concurrency', async () => {
    const results = await Promise.all(Array.from({ length: 12 }, () => recordDelivery(database.db, 'trigger:race', at)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await recordDelivery(database.db, 'trigger:race', new Date(at.getTime() + 60_000))).toBe(false);
    expect(await recordDelivery(database.db, 'trigger:other', at)).toBe(true);
  });

  it('records a batch in one go: a key seen before or twice in the batch is first only once', async () => {
    await recordDelivery(database.db, 'trigger:batch-seen', at);
    const verdicts = await recordDeliveries(database.db, ['trigger:batch-a', 'trigger:batch-seen', 'trigger:batch-b', 'trigger:batch-a'], at);
    expect(verdicts).toEqual([true, false, true, false]);
    await database.db.seenDelivery.deleteMany({ where: { key: { startsWith: 'trigger:batch' } } });
  });

  it('prunes keys older than the retention and keeps the rest', async () => {
    const old = new Date(at.getTime() - seenDeliveryRetentionMillis - 1);
    await recordDelivery(database.db, 'trigger:old', old);
    await recordDelivery(database.db, 'trigger:recent', new Date(at.getTime() - 60_000));
    expect(await pruneSeenDeliveries(database.db, new Date(at.getTime() - seenDeliveryRetentionMillis))).toBe(1);
    const left = (await database.db.seenDelivery.findMany({ select: { key: true } })).map((r) => r.key).sort();
    expect(left).toEqual(['trigger:other', 'trigger:race', 'trigger:recent']);
  });

  it('keys a delivery by what Slack keeps for it', () => {
    expect(deliveryKey({ command: '/visit', trigger_id: '123.456.abc' })).toBe('trigger:123.456.abc');
    expect(deliveryKey({ type: 'view_submission', trigger_id: '9.9.f' })).toBe('trigger:9.9.f');
    expect(deliveryKey({ type: 'event_callback', team_id: 'T1', event_id: 'Ev1', event: {} })).toBe('event:T1:Ev1');
    expect(deliveryKey({ type: 'block_suggestion', value: 'C00' })).toBeNull();
    expect(deliveryKey(undefined)).toBeNull();
  });
});

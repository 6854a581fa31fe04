// Work that can wait goes on at once while the event-loop turn has budget left, and
// otherwise in a later turn, after that turn's timers and I/O (where Node accepts
// connections and reads requests). The clock is the test's; the turns are real.
import { describe, expect, it } from 'vitest';
import { createTurnBudget } from '../../src/runtime/turn-budget.ts';

describe('the event-loop turn budget', () => {
  it('lets work go on at once while the turn has budget left', async () => {
    let now = 0;
    const budget = createTurnBudget({ sliceMillis: 4, releasePerTurn: 1, now: () => now });
    const log: string[] = [];
    await budget.pass();
    log.push('first');
    now = 3;
    await budget.pass();
    log.push('second');
    expect(log).toEqual(['first', 'second']);
    expect(budget.waiting()).toBe(0);
  });

  it('sends work past the budget to the next turn, not to the check phase of this one', async () => {
    let now = 0;
    const budget = createTurnBudget({ sliceMillis: 4, releasePerTurn: 1, now: () => now });
    const log: string[] = [];
    await budget.pass();
    now = 5;
    const late = budget.pass().then(() => log.push('late work'));
    expect(budget.waiting()).toBe(1);
    // Immediates queued now run in this turn's check phase; those they queue, in the
    // next turn's, after that turn has polled (accepted connections, read requests).
    setImmediate(() => {
      log.push('this turn');
      setImmediate(() => log.push('next turn'));
    });
    await late;
    await new Promise((resolve) => setImmediate(resolve));
    expect(log).toEqual(['this turn', 'late work', 'next turn']);
  });

  it('keeps the waiting in order and lets `releasePerTurn` of them go each turn', async () => {
    let now = 0;
    const budget = createTurnBudget({ sliceMillis: 4, releasePerTurn: 2, now: () => now });
    await budget.pass();
    now = 10;
    // Each one notes how many still wait when it goes on.
    const seen: [number, number][] = [];
    await Promise.all([1, 2, 3, 4, 5].map((n) => budget.pass().then(() => seen.push([n, budget.waiting()]))));
    expect(seen).toEqual([
      [1, 3],
      [2, 3],
      [3, 1],
      [4, 1],
      [5, 0],
    ]);
  });
});

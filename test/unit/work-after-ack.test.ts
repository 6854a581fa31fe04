// Listeners ack at once, however many are working; past the ack at most N run, the rest
// wait their turn. Gates the test opens stand in for slow work: nothing sleeps.
import { describe, expect, it, vi } from 'vitest';
import { workAfterAck } from '../../src/slack/edge/work-after-ack.ts';

const noDetachedErrors = (error: unknown) => {
  throw new Error(`unexpected detached error: ${String(error)}`);
};

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('work after the ack', () => {
  it('acks every request at once and lets only N work past their ack', async () => {
    const work = workAfterAck(1, noDetachedErrors);
    const log: string[] = [];
    const slow = gate();
    const listener = work.bounded(async ({ ack, name }: { ack: () => Promise<void>; name: string }) => {
      await ack();
      log.push(`${name} working`);
      if (name === 'first') await slow.opened;
      log.push(`${name} done`);
    });
    const acks = { first: gate(), second: gate() };
    const first = listener({ name: 'first', ack: async () => { log.push('first acked'); acks.first.open(); } });
    const second = listener({ name: 'second', ack: async () => { log.push('second acked'); acks.second.open(); } });
    await Promise.all([acks.first.opened, acks.second.opened]);
    await vi.waitFor(() => expect(log).toContain('first working'));
    // Both acked; the second waits for the slot the first holds.
    expect(log).toEqual(['first acked', 'second acked', 'first working']);
    // Bolt is done with both requests once they are acked; the work goes on detached.
    await Promise.all([first, second]);
    expect(await work.settled(0)).toBe(false);
    slow.open();
    expect(await work.settled(5000)).toBe(true);
    expect(log).toEqual(['first acked', 'second acked', 'first working', 'first done', 'second working', 'second done']);
  });

  it('acks every request of one turn of the event loop before any of their work runs', async () => {
    const work = workAfterAck(10, noDetachedErrors);
    const log: string[] = [];
    const listener = work.bounded(async ({ ack, name }: { ack: () => Promise<void>; name: string }) => {
      await ack();
      log.push(`${name} working`);
    });
    // Two requests read in one turn: two callbacks of one phase of the event loop.
    const done = await new Promise<Promise<void>[]>((resolve) => {
      const started: Promise<void>[] = [];
      for (const name of ['first', 'second']) {
        setImmediate(() => {
          started.push(listener({ name, ack: async () => void log.push(`${name} acked`) }));
          if (started.length === 2) resolve(started);
        });
      }
    });
    await Promise.all(done);
    expect(await work.settled(5000)).toBe(true);
    expect(log).toEqual(['first acked', 'second acked', 'first working', 'second working']);
  });

  it('hands a failure before the ack to Bolt, reports one after it, and frees the slot either way', async () => {
    const detachedErrors: unknown[] = [];
    const work = workAfterAck(1, (error) => detachedErrors.push(error));
    const failsBeforeAck = work.bounded(async (_args: { ack: () => Promise<void> }) => {
      throw new Error('unreadable');
    });
    await expect(failsBeforeAck({ ack: async () => {} })).rejects.toThrow('unreadable');
    const failsAfterAck = work.bounded(async ({ ack }: { ack: () => Promise<void> }) => {
      await ack();
      throw new Error('boom');
    });
    await failsAfterAck({ ack: async () => {} });
    expect(await work.settled(5000)).toBe(true);
    expect(detachedErrors.map(String)).toEqual(['Error: boom']);
    // The ack's own failure (a repeated delivery, say) is Bolt's too: nothing was detached.
    const ackFails = work.bounded(async ({ ack }: { ack: () => Promise<void> }) => {
      await ack();
    });
    await expect(ackFails({ ack: async () => Promise.reject(new Error('repeat')) })).rejects.toThrow('repeat');
    expect(detachedErrors).toHaveLength(1);
    // The single slot is free again: an event (no ack) gets it from its start.
    const seen: string[] = [];
    const event = work.bounded(async ({ name }: { name: string; ack?: undefined }) => {
      seen.push(name);
    });
    await event({ name: 'app_home_opened' });
    expect(seen).toEqual(['app_home_opened']);
  });

  it("hands the request back to Bolt at the ack, while its work still waits for a slot", async () => {
    const work = workAfterAck(1, noDetachedErrors);
    const busy = gate();
    const log: string[] = [];
    const listener = work.bounded(async ({ ack, name }: { ack: () => Promise<void>; name: string }) => {
      await ack();
      log.push(`${name} working`);
      if (name === 'first') await busy.opened;
    });
    await listener({ name: 'first', ack: async () => {} });
    await vi.waitFor(() => expect(log).toEqual(['first working']));
    // The second request is over for Bolt (its promise resolved) though its work has not begun.
    await listener({ name: 'second', ack: async () => {} });
    expect(log).toEqual(['first working']);
    busy.open();
    expect(await work.settled(5000)).toBe(true);
    expect(log).toEqual(['first working', 'second working']);
  });
});

// Listeners ack at once, however many are working; past the ack at most N run, the rest
// wait their turn. Gates the test opens stand in for slow work: nothing sleeps.
import { describe, expect, it, vi } from 'vitest';
import { workAfterAck } from '../../src/slack/edge/work-after-ack.ts';

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('work after the ack', () => {
  it('acks every request at once and lets only N work past their ack', async () => {
    const work = workAfterAck(1);
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
    slow.open();
    await Promise.all([first, second]);
    expect(log).toEqual(['first acked', 'second acked', 'first working', 'first done', 'second working', 'second done']);
  });

  it('acks every request of one turn of the event loop before any of their work runs', async () => {
    const work = workAfterAck(10);
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
    expect(log).toEqual(['first acked', 'second acked', 'first working', 'second working']);
  });

  it('frees the slot when a listener fails, and bounds events (no ack) from their start', async () => {
    const work = workAfterAck(1);
    const failing = work.bounded(async ({ ack }: { ack: () => Promise<void> }) => {
      await ack();
      throw new Error('boom');
    });
    await expect(failing({ ack: async () => {} })).rejects.toThrow('boom');
    const seen: string[] = [];
    const event = work.bounded(async ({ name }: { name: string; ack?: undefined }) => {
      seen.push(name);
    });
    await event({ name: 'app_home_opened' });
    expect(seen).toEqual(['app_home_opened']);
  });
});

// Ack pressure is acks within the window on an event loop with no idle time for a while.
// The loop is kept busy for real (a synchronous spin), and idle for real (waiting on a timer).
import { describe, expect, it } from 'vitest';
import { performance } from 'node:perf_hooks';
import { ackPressure } from '../../src/slack/edge/ack-pressure.ts';

const spin = (millis: number) => {
  const until = performance.now() + millis;
  while (performance.now() < until);
};

describe('ack pressure', () => {
  it('is high while acks come on a loop busy for longer than a burst, and not before', () => {
    const pressure = ackPressure({ windowMillis: 20, sustainedMillis: 100 });
    spin(30);
    pressure.acked();
    // Busy, but for less than the sustained time: a burst.
    expect(pressure.high()).toBe(false);
    for (let i = 0; i < 5; i++) {
      spin(25);
      pressure.acked();
      pressure.high();
    }
    expect(pressure.high()).toBe(true);
  });

  it('is low on a busy loop when the last ack is older than the window', () => {
    const pressure = ackPressure({ windowMillis: 20, sustainedMillis: 0 });
    pressure.acked();
    spin(30);
    expect(pressure.high()).toBe(false);
  });

  it('is low when acks come on a loop that had idle time', async () => {
    const pressure = ackPressure({ windowMillis: 20, sustainedMillis: 0 });
    // Idle: the loop has nothing to do but wait for a timer (idle time is time spent waiting in the poll phase).
    await new Promise((resolve) => setTimeout(resolve, 30));
    pressure.acked();
    expect(pressure.high()).toBe(false);
  });
});

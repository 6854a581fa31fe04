import type { Clock } from '../../src/clock.ts';

/** A clock that stands still until the test moves it. */
export function testClock(iso: string) {
  let current = new Date(iso);
  return {
    now: () => new Date(current),
    set: (next: string | Date) => {
      current = new Date(next);
    },
    advance: (millis: number) => {
      current = new Date(current.getTime() + millis);
    },
  } satisfies Clock & Record<string, unknown>;
}

export type TestClock = ReturnType<typeof testClock>;
export const minutes = (n: number) => n * 60_000;
export const hours = (n: number) => n * 3_600_000;

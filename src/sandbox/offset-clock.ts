// The sandbox's clock: the real time plus an offset the page moves forward, so SLA pings,
// digests, deadlines and the monthly report can be seen in minutes. It only ever moves
// forward: the bot's timers and audit trail assume time does not run backwards.
import type { Clock } from '../clock.ts';

export type OffsetClock = Clock & {
  /** Moves the clock to `target` (never backwards). */
  moveTo(target: Date): void;
  offsetMillis(): number;
};

export function offsetClock(realNow: () => number = Date.now): OffsetClock {
  let offset = 0;
  return {
    now: () => new Date(realNow() + offset),
    moveTo(target) {
      offset = Math.max(offset, target.getTime() - realNow());
    },
    offsetMillis: () => offset,
  };
}

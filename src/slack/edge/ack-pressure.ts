// Whether a flood has people waiting for acks: requests were acked within the last
// window, and the event loop has had no idle time (its utilisation, from perf_hooks) for
// a second or more. Then every turn of the loop spent on work after acks delays the acks
// queued behind it, so work takes fewer slots (work-after-ack.ts) until the flood passes.
// A burst shorter than that (fifty people clicking Claim at once) is not a flood: its
// answers are not held back.
import { performance, type EventLoopUtilization } from 'node:perf_hooks';

export type AckPressure = {
  /** A request was just acked. */
  acked(): void;
  /** True while acks keep coming and the loop has had no idle time for a while. */
  high(): boolean;
};

export function ackPressure(options: { windowMillis?: number; busyAbove?: number; sustainedMillis?: number } = {}): AckPressure {
  const windowMillis = options.windowMillis ?? 100;
  const busyAbove = options.busyAbove ?? 0.9;
  const sustainedMillis = options.sustainedMillis ?? 1000;
  let lastAckAt = -Infinity;
  let windowStartedAt = performance.now();
  let utilisation: EventLoopUtilization = performance.eventLoopUtilization();
  // When the run of busy windows began; null while the loop had idle time in the last one.
  let busySince: number | null = null;
  return {
    acked() {
      lastAckAt = performance.now();
    },
    high() {
      const now = performance.now();
      if (now - windowStartedAt >= windowMillis) {
        const current = performance.eventLoopUtilization();
        const busy = performance.eventLoopUtilization(current, utilisation).utilization > busyAbove;
        busySince = busy ? (busySince ?? windowStartedAt) : null;
        utilisation = current;
        windowStartedAt = now;
      }
      return busySince !== null && now - busySince >= sustainedMillis && now - lastAckAt < windowMillis;
    },
  };
}

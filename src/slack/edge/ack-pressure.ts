// Whether people are waiting for acks right now: requests were acked within the last
// window and the event loop was busy through the window before (its utilisation, from
// perf_hooks). Then every turn of the loop spent on work after acks delays the acks
// queued behind it, so work takes fewer slots (work-after-ack.ts) until the flood passes.
import { performance, type EventLoopUtilization } from 'node:perf_hooks';

export type AckPressure = {
  /** A request was just acked. */
  acked(): void;
  /** True while acks keep coming and the loop has no idle time. */
  high(): boolean;
};

export function ackPressure(options: { windowMillis?: number; busyAbove?: number } = {}): AckPressure {
  const windowMillis = options.windowMillis ?? 100;
  const busyAbove = options.busyAbove ?? 0.9;
  let lastAckAt = -Infinity;
  let windowStartedAt = performance.now();
  let utilisation: EventLoopUtilization = performance.eventLoopUtilization();
  let busy = false;
  return {
    acked() {
      lastAckAt = performance.now();
    },
    high() {
      const now = performance.now();
      if (now - windowStartedAt >= windowMillis) {
        const current = performance.eventLoopUtilization();
        busy = performance.eventLoopUtilization(current, utilisation).utilization > busyAbove;
        utilisation = current;
        windowStartedAt = now;
      }
      return busy && now - lastAckAt < windowMillis;
    },
  };
}

// Runs of one job per key never overlap, and a request made during a run queues exactly
// one more run, shared by everyone who asks meanwhile: each run renders from a fresh
// read, so an older rendering can never land after a newer one (the same lane as the
// ticket's channel message, src/slack/tickets/refresh-ticket-message.ts).
type Lane = { tail: Promise<void>; queued: Promise<void> | null };

export function oneRunAtATime(run: (key: string) => Promise<void>): (key: string) => Promise<void> {
  const lanes = new Map<string, Lane>();
  return (key) => {
    const lane = lanes.get(key) ?? { tail: Promise.resolve(), queued: null };
    if (lane.queued) return lane.queued;
    const next = lane.tail
      .catch(() => {})
      .then(() => {
        lane.queued = null;
        return run(key);
      });
    lane.queued = next;
    lane.tail = next;
    lanes.set(key, lane);
    const settle = () => lanes.get(key)?.tail === next && lanes.delete(key);
    next.then(settle, settle);
    return next;
  };
}

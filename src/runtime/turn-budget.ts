// Short event-loop turns, so the bot can always read and ack the next Slack request.
//
// Node accepts one new connection per turn of its event loop (libuv PR #3696), and reads
// the requests of open ones once per turn. Under a flood, a turn ran every continuation
// that became ready in it (each database answer, then the rendering after it) and lasted
// 50–130 ms; a burst of 30 new connections then waited 30 such turns to be accepted, and
// their acks took up to a second while the bot's own request → ack time stayed under
// 25 ms. Work that can wait passes through `pass()` first: while the current turn has
// spent less than `sliceMillis` on such work it goes on at once; after that it waits for
// a later turn, behind the others that wait (first come, first served), and each turn
// lets `releasePerTurn` of them go. No turn spends much more than `sliceMillis` on such
// work, and the acks, which never pass through here, come first.
import { performance } from 'node:perf_hooks';

export type TurnBudget = {
  /** Resolves at once while this turn has budget left, else in a later turn. */
  pass(): Promise<void>;
  /** How many are waiting for a later turn. */
  waiting(): number;
};

const goOn = Promise.resolve();

export function createTurnBudget(options: { sliceMillis: number; releasePerTurn: number; now?: () => number }): TurnBudget {
  const now = options.now ?? (() => performance.now());
  const waiting: (() => void)[] = [];
  // When this turn began spending on work that can wait; -1 when nothing has yet.
  let sliceStart = -1;

  // setImmediate from the poll phase runs in this turn's check phase; from a check-phase
  // callback, in the next turn's, after that turn has polled (accepted, read requests).
  const openSlice = (at: number) => {
    sliceStart = at;
    setImmediate(closeSlice);
  };
  function closeSlice() {
    sliceStart = -1;
    if (waiting.length > 0) setImmediate(release);
  }
  function release() {
    if (sliceStart < 0) openSlice(now());
    for (let i = 0; i < options.releasePerTurn && waiting.length > 0; i++) waiting.shift()!();
  }

  return {
    pass() {
      const at = now();
      if (sliceStart < 0) openSlice(at);
      if (waiting.length === 0 && at - sliceStart < options.sliceMillis) return goOn;
      return new Promise<void>((resolve) => waiting.push(resolve));
    },
    waiting: () => waiting.length,
  };
}

/**
 * The process's one event loop has one budget: the database driver's answers and the
 * listeners' work after their ack (work-after-ack.ts) share it. Measured with `profile-acks` (/ticket list
 * region, 50 in flight, 3,000 requests, runs alternated): 5 ms and eight a turn beat no
 * budget on every figure — ack p50/p99 29–31/89–93 ms against 39–41/104–115, 1,411–1,427
 * acks/s against 1,070–1,126, all answered after 10.7–10.8 s against 11.7–12.0 s, and
 * 5.8–5.9 ms of CPU per request against 6.5–6.7.
 */
export const eventLoopTurns = createTurnBudget({ sliceMillis: 5, releasePerTurn: 8 });

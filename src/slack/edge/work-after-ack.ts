// Work after the ack, bounded. Listeners ack at once (Slack's 3 seconds) and then do the
// real work; under a flood the acks outrun the work, and unbounded, every acknowledged
// request would start its queries at once and hold its memory while it waits for a
// database connection. Here at most `maxInFlight` listeners run past their ack; the
// rest wait holding only their payload. The ack itself never waits: the slot is taken
// after it, in the next turn of the event loop (events, which Bolt acks by itself, take
// it first). p-limit, not bottleneck: a slot is taken for every request, and
// bottleneck's job machinery cost more CPU per request than the rest of a /am help.
// Having its slot, the work still waits for its share of an event-loop turn (turn-budget.ts).
//
// Once acked (and known to be a first delivery), the request is over for Bolt: the
// listener's promise is handed back to Bolt then, and the work goes on detached, tracked
// here for a stop. A request Bolt still thought in flight held its whole middleware chain
// while it waited for a slot (22.5 KB of promises, closures and generators a request
// against 8.7 KB for its arguments alone, measured with a bare Bolt app); a flood's
// backlog of thousands made a heap of 140 MB and garbage collections of up to 160 ms.
import pLimit from 'p-limit';
import { createInFlight } from '../../runtime/in-flight.ts';
import { eventLoopTurns } from '../../runtime/turn-budget.ts';

type Listener<A> = (args: A) => Promise<void>;
type AckingArgs = { ack?: (...response: any[]) => Promise<void> };

export function workAfterAck(maxInFlight: number, onDetachedError: (error: unknown) => void) {
  const slots = pLimit(maxInFlight);
  const takeSlot = () =>
    new Promise<() => void>((granted) => {
      void slots(() => new Promise<void>((release) => granted(release)));
    });
  const detached = createInFlight();

  function bounded<A extends AckingArgs>(listener: Listener<A>): Listener<A> {
    return async (args) => {
      const ack = args.ack;
      if (!ack) {
        const release = await takeSlot();
        try {
          return await listener(args);
        } finally {
          release();
        }
      }
      let release: (() => void) | undefined;
      let handBack!: () => void;
      const handedBack = new Promise<void>((resolve) => (handBack = resolve));
      let isDetached = false;
      const boundedAck = async (...response: unknown[]) => {
        await ack(...response);
        isDetached = true;
        handBack();
        // The work goes on in the next turn of the event loop, not in this one's
        // microtasks: requests already read in this turn (a burst of clicks) are all
        // acked before any of their work runs.
        await new Promise(setImmediate);
        release ??= await takeSlot();
        await eventLoopTurns.pass();
      };
      const work = listener({ ...args, ack: boundedAck }).finally(() => release?.());
      // Before the ack, the listener's outcome is Bolt's; after it, it is reported here.
      detached.track(work.catch((error: unknown) => isDetached && onDetachedError(error)));
      await Promise.race([handedBack, work]);
    };
  }

  return {
    bounded,
    /** Resolves when the work going on after acks now has finished, or after `limitMillis` (false then). */
    settled: detached.settled,
  };
}

export type WorkAfterAck = ReturnType<typeof workAfterAck>;

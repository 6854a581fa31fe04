// Work after the ack, bounded. Listeners ack at once (Slack's 3 seconds) and then do the
// real work; under a flood the acks outrun the work, and unbounded, every acknowledged
// request would start its queries at once and hold its memory while it waits for a
// database connection. Here at most `maxInFlight` listeners run past their ack; the
// rest wait holding only their payload. The ack itself never waits: the slot is taken
// after it, in the next turn of the event loop (events, which Bolt acks by itself, take
// it first). p-limit, not bottleneck: a slot is taken for every request, and
// bottleneck's job machinery cost more CPU per request than the rest of a /am help.
// Having its slot, the work still waits for its share of an event-loop turn (turn-budget.ts).
import pLimit from 'p-limit';
import { eventLoopTurns } from '../../runtime/turn-budget.ts';

type Listener<A> = (args: A) => Promise<void>;
type AckingArgs = { ack?: (...response: any[]) => Promise<void> };

export function workAfterAck(maxInFlight: number) {
  const slots = pLimit(maxInFlight);
  const takeSlot = () =>
    new Promise<() => void>((granted) => {
      void slots(() => new Promise<void>((release) => granted(release)));
    });

  function bounded<A extends AckingArgs>(listener: Listener<A>): Listener<A> {
    return async (args) => {
      let release: (() => void) | undefined;
      const ack = args.ack;
      try {
        if (!ack) release = await takeSlot();
        const boundedAck = ack
          ? async (...response: unknown[]) => {
              await ack(...response);
              // The work goes on in the next turn of the event loop, not in this one's
              // microtasks: requests already read in this turn (a burst of clicks) are all
              // acked before any of their work runs.
              await new Promise(setImmediate);
              release ??= await takeSlot();
              await eventLoopTurns.pass();
            }
          : undefined;
        await listener(ack ? { ...args, ack: boundedAck } : args);
      } finally {
        release?.();
      }
    };
  }

  return { bounded };
}

export type WorkAfterAck = ReturnType<typeof workAfterAck>;

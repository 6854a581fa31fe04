// The ack bench's load generator on a thread of its own. In the bench process the fake
// Slack also takes the bot's response-URL answers; on one event loop with the load
// generator, that work delayed reading the bot's acks, and ours (which answers through
// Slack) was timed with the fake Slack's lag that a bare app (which answers nothing)
// never causes. Here the requests are signed, sent and timed by a worker thread, whose
// event loop does nothing else; the figures are those of runLoad (load.ts).
import { Worker } from 'node:worker_threads';
import type { BlockActionInput, CommandInput } from '../../src/sandbox/slack-stand-in/slack-requests.ts';
import type { LoadFigures } from './load.ts';

export type LoadRequest = { kind: 'command'; input: CommandInput } | { kind: 'blockAction'; input: BlockActionInput };
export type LoadPlan = { baseUrl: string; signingSecret: string; concurrency: number; requests: LoadRequest[] };
/** runLoad's figures, how many acks carried an answer, when the load began (epoch ms), and the generator's longest event-loop delay. */
export type ThreadFigures = LoadFigures & { answeredInAck: number; startedAtEpochMs: number; loadLagMaxMs: number };

export type LoadThread = { run(plan: LoadPlan): Promise<ThreadFigures>; close(): Promise<void> };

/** One worker for the whole bench (it starts once); runs one plan at a time. */
export function startLoadThread(): LoadThread {
  const worker = new Worker(new URL('./load-worker-entry.mjs', import.meta.url));
  // A worker that failed (to load, say) fails the runs, so the bench's clean-up still runs.
  let failed: Error | undefined;
  let pending: ((error: Error) => void) | undefined;
  worker.on('error', (error) => {
    failed = error;
    pending?.(error);
  });
  let queue: Promise<unknown> = Promise.resolve();
  return {
    run(plan) {
      const result = queue.then(
        () =>
          new Promise<ThreadFigures>((resolve, reject) => {
            if (failed) return reject(failed);
            pending = reject;
            worker.once('message', (figures: ThreadFigures) => {
              pending = undefined;
              resolve(figures);
            });
            worker.postMessage(plan);
          }),
      );
      queue = result.catch(() => {});
      return result;
    },
    async close() {
      await worker.terminate();
    },
  };
}

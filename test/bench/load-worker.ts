// The worker of load-thread.ts: for each plan it receives, sends its requests signed with
// `concurrency` in flight (runLoad) and posts the figures back.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parentPort } from 'node:worker_threads';
import { createSlackDriver } from '../../src/sandbox/slack-stand-in/slack-requests.ts';
import type { LoadPlan, ThreadFigures } from './load-thread.ts';
import { runLoad } from './load.ts';

parentPort!.on('message', async (plan: LoadPlan) => {
  const driver = createSlackDriver({ baseUrl: plan.baseUrl, signingSecret: plan.signingSecret });
  let answeredInAck = 0;
  const startedAtEpochMs = performance.timeOrigin + performance.now();
  // The generator's own event-loop delay: a late ack read here would be charged to the bot.
  const lag = monitorEventLoopDelay({ resolution: 5 });
  lag.enable();
  const figures = await runLoad({
    total: plan.requests.length,
    concurrency: plan.concurrency,
    send: async (i) => {
      const request = plan.requests[i]!;
      const response = request.kind === 'command' ? await driver.command(request.input) : await driver.blockAction(request.input);
      if (response.status === 200 && response.text !== '') answeredInAck++;
      return response;
    },
  });
  lag.disable();
  const loadLagMaxMs = lag.max / 1e6;
  parentPort!.postMessage({ ...figures, answeredInAck, startedAtEpochMs, loadLagMaxMs } satisfies ThreadFigures);
});

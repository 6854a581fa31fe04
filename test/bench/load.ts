// A closed-loop load: `concurrency` requests always in flight until `total` were sent;
// each latency is request sent → HTTP response (the ack) read.
import type { SlackResponse } from '../../src/sandbox/slack-stand-in/slack-requests.ts';

export type LoadFigures = {
  count: number;
  p50: number;
  p99: number;
  perSecond: number;
  failures: number;
  /** The slowest requests: when each was sent (ms after the first) and how long its ack took. */
  slowest: { sentAt: number; latency: number }[];
};

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;

export async function runLoad(options: { total: number; concurrency: number; send: (i: number) => Promise<SlackResponse> }): Promise<LoadFigures> {
  const latencies: number[] = [];
  const timeline: { sentAt: number; latency: number }[] = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (next < options.total) {
        const i = next++;
        const sent = performance.now();
        const response = await Promise.resolve(i).then(options.send).catch(() => ({ status: 0 }));
        latencies.push(performance.now() - sent);
        timeline.push({ sentAt: sent - started, latency: latencies.at(-1)! });
        if (response.status !== 200) failures++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const slowest = timeline.sort((a, b) => b.latency - a.latency).slice(0, 20);
  return { count: latencies.length, p50: percentile(latencies, 50), p99: percentile(latencies, 99), perSecond: latencies.length / seconds, failures, slowest };
}

export const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
export const describeLoad = (f: LoadFigures) => `${ms(f.p50)} / ${ms(f.p99)}, ${f.perSecond.toFixed(0)}/s${f.failures ? `, ${f.failures} not 200` : ''}`;

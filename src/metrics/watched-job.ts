// Watches one scheduled job (the timer sweep): how long each run took (for /metrics) and
// whether it is still running as it should (for /readyz). It also lets the first run
// start at once instead of at the next cron tick; a run asked for while one is under way
// joins it, so runs never overlap.
import { performance } from 'node:perf_hooks';
import type { Job } from '../jobs/start-jobs.ts';
import type { BotMetrics } from './bot-metrics.ts';

export type JobHealth = 'ok' | 'not_started' | 'failing' | 'stale' | 'stuck';

export function watchJob(job: Job, metrics: BotMetrics, limits: { freshMillis: number; stuckMillis: number }) {
  let running: Promise<unknown> | undefined;
  let runningSince: number | undefined;
  let lastSuccessAt: number | undefined;
  let lastFailureAt: number | undefined;

  const watched: Job = {
    ...job,
    run(now) {
      running ??= (async () => {
        runningSince = Date.now();
        const started = performance.now();
        let ok = false;
        try {
          const result = await job.run(now);
          ok = true;
          lastSuccessAt = Date.now();
          return result;
        } catch (error) {
          lastFailureAt = Date.now();
          throw error;
        } finally {
          metrics.observeSweep((performance.now() - started) / 1000, ok);
          running = undefined;
          runningSince = undefined;
        }
      })();
      return running;
    },
  };

  return {
    job: watched,
    /** Healthy: finished lately, or running for less than the stuck limit. */
    health(): JobHealth {
      const now = Date.now();
      if (runningSince !== undefined) return now - runningSince < limits.stuckMillis ? 'ok' : 'stuck';
      if (lastSuccessAt !== undefined && now - lastSuccessAt < limits.freshMillis) return 'ok';
      if (lastFailureAt !== undefined && lastFailureAt > (lastSuccessAt ?? 0)) return 'failing';
      return lastSuccessAt === undefined ? 'not_started' : 'stale';
    },
  };
}

// node-cron only wakes the sweeps; what is due, and whether it was already done, lives
// in Postgres. Each job is a plain function of its dependencies and `now`, so tests
// call it directly at any instant instead of waiting for cron.
import cron, { type ScheduledTask } from 'node-cron';
import type { Clock } from '../clock.ts';
import type { Logger } from '../logger.ts';

export type Job = { name: string; schedule: string; run(now: Date): Promise<unknown> };

export function startJobs(jobs: Job[], deps: { clock: Clock; logger: Logger }): { stop(): Promise<void> } {
  // Runs still under way when the bot stops are waited for, so a sweep is never cut off
  // between Slack accepting a message and the database recording it.
  const running = new Set<Promise<unknown>>();
  const tasks: ScheduledTask[] = jobs.map((job) =>
    cron.schedule(
      job.schedule,
      async () => {
        const run = job.run(deps.clock.now()).catch((error: unknown) => deps.logger.error({ err: error, job: job.name }, 'job failed'));
        running.add(run);
        try {
          await run;
        } finally {
          running.delete(run);
        }
      },
      { name: job.name, noOverlap: true },
    ),
  );
  return {
    async stop() {
      await Promise.all(tasks.map((task) => task.destroy()));
      await Promise.allSettled([...running]);
    },
  };
}

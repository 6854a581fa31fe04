// The clock control: move the bot's clock, then do at once what cron would do within
// seconds — schedule the new reminder and report timers, and sweep the due ones until
// none is left (a timer that fires may have set the next one, already due after a big
// jump) — so the page shows the pings, digests and reports right after the click.
import { botJobs } from '../jobs/bot-jobs.ts';
import { sweepDueTimers } from '../jobs/sweep-due-timers.ts';
import { timerHandlers } from '../jobs/timer-handlers.ts';
import type { BotContext } from '../slack/bot-context.ts';
import { clockMoveTarget, type ClockMove } from './clock-moves.ts';
import type { OffsetClock } from './offset-clock.ts';

// Enough for a month's jump over a demo's tickets; the cron sweep picks up anything left.
const maxSweepRounds = 50;

export async function moveBotClock(ctx: BotContext, clock: OffsetClock, move: ClockMove): Promise<{ fired: number }> {
  const scheduling = botJobs(ctx).filter((job) => job.name !== 'sweep-due-timers');
  // Before the move too: a timer these jobs would only have set at their next cron tick
  // (the monthly report's, a new manager's digest) must exist to fall due in the jump.
  for (const job of scheduling) await job.run(clock.now());
  clock.moveTo(clockMoveTarget(move, ctx.clock.now(), { timeZone: ctx.config.timezone, monthlyTime: ctx.config.reports.monthlyTime }));
  for (const job of scheduling) await job.run(clock.now());
  const handlers = timerHandlers(ctx);
  let fired = 0;
  for (let round = 0; round < maxSweepRounds; round++) {
    const result = await sweepDueTimers({ db: ctx.db, handlers, logger: ctx.logger, now: clock.now() });
    fired += result.fired;
    if (result.fired === 0) break;
  }
  ctx.outbox.kick();
  return { fired };
}

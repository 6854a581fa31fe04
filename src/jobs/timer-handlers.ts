// Which function fires each kind of durable timer. Each feature adds its kinds here.
import type { BotContext } from '../slack/bot-context.ts';
import { xregionDeadlineTimer } from '../domain/xregion/deadline-timer.ts';
import type { TimerHandlers } from './sweep-due-timers.ts';
import { xregionDeadlineHandler } from './xregion-deadline.ts';

export function timerHandlers(ctx: BotContext): TimerHandlers {
  return {
    [xregionDeadlineTimer]: xregionDeadlineHandler(ctx),
  };
}

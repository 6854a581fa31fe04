// Which function fires each kind of durable timer. Each feature adds its kinds here.
import type { BotContext } from '../slack/bot-context.ts';
import { visitTimerKinds } from '../domain/visits/reminder-timers.ts';
import type { TimerHandlers } from './sweep-due-timers.ts';
import { visitDigestTimer } from './visits/digest-timer.ts';
import { visitWeeklySummaryTimer } from './visits/weekly-summary-timer.ts';

export function timerHandlers(ctx: BotContext): TimerHandlers {
  return {
    [visitTimerKinds.digest]: visitDigestTimer(ctx),
    [visitTimerKinds.weeklySummary]: visitWeeklySummaryTimer(ctx),
  };
}

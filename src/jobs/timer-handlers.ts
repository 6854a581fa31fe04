// Which function fires each kind of durable timer. Each feature adds its kinds here.
import type { BotContext } from '../slack/bot-context.ts';
import type { TimerHandlers } from './sweep-due-timers.ts';

export function timerHandlers(_ctx: BotContext): TimerHandlers {
  return {};
}

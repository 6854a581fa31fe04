// Fires a care callback's due timer ('care.callback_due', subject = callback id): still
// not logged → the manager is reminded once (an outbox announcement); logged meanwhile
// (its timer is cleared then) or reminded already → nothing.
import { remindCareCallbackDue } from '../../domain/care/remind-care-callback.ts';
import type { BotContext } from '../../slack/bot-context.ts';
import type { TimerHandler } from '../sweep-due-timers.ts';

export function careCallbackDueHandler(ctx: BotContext): TimerHandler {
  return async (timer, now) => {
    if (await remindCareCallbackDue({ db: ctx.db, clock: { now: () => now } }, BigInt(timer.subjectId))) ctx.outbox.kick();
    return null;
  };
}

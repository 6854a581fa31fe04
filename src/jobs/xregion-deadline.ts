// Fires a cross-region request's deadline timer ('xregion.deadline'): before the reply
// deadline a reminder, at the deadline a breach — to the handler, or to the home
// region's channel while nobody has accepted it, and at breach also to the home
// region's supervisors. It looks at the request as it is now (a closed request ends
// the timer), claims each step by its stamp before sending, and gives the stamp back
// if Slack could not take the message, so each step goes out once across sweeps and
// restarts.
import { claimDeadlineStep, releaseDeadlineStep } from '../domain/xregion/deadline-timer.ts';
import { dueDeadlineStep, type DeadlineStep } from '../domain/xregion/reply-deadline-policy.ts';
import { isClosed, loadRequestRecord, type RequestRecord } from '../domain/xregion/request-record.ts';
import type { BotContext } from '../slack/bot-context.ts';
import { deadlineNotice } from '../slack/blocks/xregion/notices.ts';
import { deliverMessage } from '../slack/deliver.ts';
import { channelReader, refreshRequestMessages, tellPeople } from '../slack/xregion/request-messages.ts';
import type { TimerHandler } from './sweep-due-timers.ts';

export function xregionDeadlineHandler(ctx: BotContext): TimerHandler {
  return async (timer, now) => {
    const record = await loadRequestRecord(ctx, timer.subjectId);
    if (!record || isClosed(record.request.status)) return null;
    const { request } = record;
    const plan = dueDeadlineStep(
      { openedAt: request.openedAt, deadline: request.replyDeadline, reminderLeadMinutes: ctx.config.xregion.reminderLeadMinutes, reminderSentAt: request.reminderSentAt, breachSentAt: request.breachSentAt },
      now,
    );
    if (!plan.step || !(await claimDeadlineStep(ctx.db, request.id, plan.step, now))) return plan.next;
    try {
      await sendDeadlineStep(ctx, record, plan.step);
    } catch (error) {
      await releaseDeadlineStep(ctx.db, request.id, plan.step, now);
      throw error;
    }
    if (plan.step === 'breach') {
      // The messages now say "overdue"; a failure here must not resend the breach.
      await refreshRequestMessages(ctx, request.id).catch((error: unknown) => ctx.logger.warn({ err: error, number: request.number }, 'could not mark request overdue'));
    }
    return plan.next;
  };
}

async function sendDeadlineStep(ctx: BotContext, record: RequestRecord, step: DeadlineStep): Promise<void> {
  const { request, homeRegion } = record;
  const where = `xregion ${request.number} ${step}`;
  if (request.handlerId) {
    await tellPeople(ctx, record, [{ userId: request.handlerId, notice: (reader) => deadlineNotice(record, step, 'handler', reader) }]);
  } else if (homeRegion.crossRegionChannelId) {
    await deliverMessage(ctx, { channel: homeRegion.crossRegionChannelId, ...deadlineNotice(record, step, 'channel', channelReader(ctx)) }, where);
  }
  if (step === 'breach' && homeRegion.supervisorChannelId) {
    await deliverMessage(ctx, { channel: homeRegion.supervisorChannelId, ...deadlineNotice(record, step, 'supervisors', channelReader(ctx)) }, `${where} supervisors`);
  }
}

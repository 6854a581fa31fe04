// The outbox's deliverers for cross-region announcements
// (src/domain/xregion/request-announcements.ts): messages updated in place, notices in
// both threads, DMs to the people concerned — each audience one delivery step.
import { requestAnnouncementKinds } from '../../domain/xregion/request-announcements.ts';
import type { DeadlineStep } from '../../domain/xregion/reply-deadline-policy.ts';
import { requireRequestRecord, type RequestRecord } from '../../domain/xregion/request-record.ts';
import { correctedThreadNotice, deadlineNotice, rejectedDirectNotice, rejectedThreadNotice, replyDirectNotice, replyThreadNotice } from './notices.ts';
import type { BotContext } from '../bot-context.ts';
import { deliveryStep } from '../outbox/delivery-scope.ts';
import type { Deliverer } from '../outbox/outbox-sweep.ts';
import { deliverMessage } from '../deliver.ts';
import { channelReader, postInThreads, postRequestMessages, refreshRequestMessages, tellPeople } from './request-messages.ts';

const requestIdOf = (payload: Record<string, unknown>) => String(payload.requestId);

export function requestDeliverers(ctx: BotContext): Record<string, Deliverer> {
  const refreshed = async (payload: Record<string, unknown>) => {
    await deliveryStep('messages', () => refreshRequestMessages(ctx, requestIdOf(payload)));
    return requireRequestRecord(ctx, requestIdOf(payload));
  };
  return {
    [requestAnnouncementKinds.opened]: ({ payload }) => postRequestMessages(ctx, requestIdOf(payload)),
    [requestAnnouncementKinds.accepted]: async ({ payload }) => {
      await refreshed(payload);
    },
    [requestAnnouncementKinds.replied]: async ({ payload }) => {
      const record = await refreshed(payload);
      await deliveryStep('threads', () => postInThreads(ctx, record, (reader) => replyThreadNotice(record, reader)));
      await deliveryStep('people', () =>
        tellPeople(ctx, record, [
          { userId: record.request.openedById, notice: (reader) => replyDirectNotice(record, 'opener', reader) },
          { userId: record.accountManagerId, notice: (reader) => replyDirectNotice(record, 'manager', reader) },
        ]),
      );
    },
    [requestAnnouncementKinds.rejected]: async ({ payload }) => {
      const record = await refreshed(payload);
      await deliveryStep('threads', () => postInThreads(ctx, record, (reader) => rejectedThreadNotice(record, reader)));
      await deliveryStep('people', () => tellPeople(ctx, record, [{ userId: record.request.openedById, notice: (reader) => rejectedDirectNotice(record, reader) }]));
    },
    [requestAnnouncementKinds.deadline]: async ({ payload }) => {
      const record = await requireRequestRecord(ctx, requestIdOf(payload));
      await deliverDeadlineStep(ctx, record, payload.step === 'breach' ? 'breach' : 'reminder');
    },
    [requestAnnouncementKinds.corrected]: async ({ payload }) => {
      const record = await refreshed(payload);
      const form = payload.form === 'reply' ? 'reply' : 'acceptance';
      await deliveryStep('threads', () => postInThreads(ctx, record, (reader) => correctedThreadNotice(form, String(payload.actorId), Number(payload.version), reader)));
    },
  };
}

/** Delivers a claimed deadline step (from the outbox): each audience is its own step, done once. */
async function deliverDeadlineStep(ctx: BotContext, record: RequestRecord, step: DeadlineStep): Promise<void> {
  const { request, homeRegion } = record;
  const where = `xregion ${request.number} ${step}`;
  if (request.handlerId) {
    await deliveryStep('handler', () => tellPeople(ctx, record, [{ userId: request.handlerId, notice: (reader) => deadlineNotice(record, step, 'handler', reader) }]));
  } else if (homeRegion.crossRegionChannelId) {
    await deliveryStep('channel', () => deliverMessage(ctx, { channel: homeRegion.crossRegionChannelId!, ...deadlineNotice(record, step, 'channel', channelReader(ctx)) }, where));
  }
  if (step === 'breach' && homeRegion.supervisorChannelId) {
    await deliveryStep('supervisors', () => deliverMessage(ctx, { channel: homeRegion.supervisorChannelId!, ...deadlineNotice(record, step, 'supervisors', channelReader(ctx)) }, `${where} supervisors`));
  }
  // The messages now say "overdue".
  if (step === 'breach') await deliveryStep('messages', () => refreshRequestMessages(ctx, request.id));
}

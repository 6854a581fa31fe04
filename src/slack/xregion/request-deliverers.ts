// The outbox's deliverers for cross-region announcements
// (src/domain/xregion/request-announcements.ts): messages updated in place, notices in
// both threads, DMs to the people concerned — each audience one delivery step.
import { requestAnnouncementKinds } from '../../domain/xregion/request-announcements.ts';
import { requireRequestRecord } from '../../domain/xregion/request-record.ts';
import { correctedThreadNotice, rejectedDirectNotice, rejectedThreadNotice, replyDirectNotice, replyThreadNotice } from '../blocks/xregion/notices.ts';
import type { BotContext } from '../bot-context.ts';
import { deliveryStep } from '../outbox/delivery-scope.ts';
import type { Deliverer } from '../outbox/outbox-sweep.ts';
import { postInThreads, postRequestMessages, refreshRequestMessages, tellPeople } from './request-messages.ts';

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
    [requestAnnouncementKinds.corrected]: async ({ payload }) => {
      const record = await refreshed(payload);
      const form = payload.form === 'reply' ? 'reply' : 'acceptance';
      await deliveryStep('threads', () => postInThreads(ctx, record, (reader) => correctedThreadNotice(form, String(payload.actorId), Number(payload.version), reader)));
    },
  };
}

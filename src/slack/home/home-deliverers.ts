// The outbox's deliverer for Home refreshes after a customer changed (src/domain/home/home-announcements.ts).
import { homeAnnouncementKind } from '../../domain/home/home-announcements.ts';
import type { BotContext } from '../bot-context.ts';
import type { Deliverer } from '../outbox/outbox-sweep.ts';
import { refreshHomesForCustomer } from './publish-home.ts';

export function homeDeliverers(ctx: BotContext): Record<string, Deliverer> {
  return {
    [homeAnnouncementKind]: ({ payload }) => refreshHomesForCustomer(ctx, String(payload.actorId), String(payload.customerCode)),
  };
}

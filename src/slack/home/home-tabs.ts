// The Home tabs as a service on the bot's context (like the sender), so an area that
// changes what a Home shows asks for a refresh without importing the Home's code:
// `ctx.homes.refreshForTicket(ticket)` after a ticket step, and so on.
import type { Mrkdwn } from '../../i18n/catalog.ts';
import type { BotContext } from '../bot-context.ts';
import type { HomePages } from './home-state.ts';
import { publishHome, refreshHomes, refreshHomesForCustomer, refreshTicketHomes, regionOverseers } from './publish-home.ts';

export type HomeTabs = {
  /** Builds and publishes someone's Home now (they opened it, paged, or clicked on it). */
  publish(userId: string, options?: { pages?: HomePages; notice?: Mrkdwn | null }): Promise<void>;
  /** Marks these people's Homes as changed; the refresher republishes them (coalesced). Never throws. */
  refresh(userIds: Iterable<string | null | undefined>): Promise<void>;
  /** …and those of a region's supervisors and the admins too. */
  refreshWithOverseers(regionCode: string, userIds: Iterable<string | null | undefined>): Promise<void>;
  /** After a ticket changed: everyone whose Home lists it. */
  refreshForTicket(ticket: Parameters<typeof refreshTicketHomes>[1], alsoUserIds?: (string | null | undefined)[]): Promise<void>;
  /** After a change to one customer (a visit logged): whoever made it and the customer's manager. */
  refreshForCustomer(actorId: string, customerCode: string): Promise<void>;
};

export function homeTabs(context: () => BotContext): HomeTabs {
  return {
    publish: (userId, options) => publishHome(context(), userId, options),
    refresh: (userIds) => refreshHomes(context(), userIds),
    refreshWithOverseers: async (regionCode, userIds) => {
      const ctx = context();
      await refreshHomes(ctx, [...userIds, ...(await regionOverseers(ctx, regionCode).catch(() => []))]);
    },
    refreshForTicket: (ticket, alsoUserIds) => refreshTicketHomes(context(), ticket, alsoUserIds),
    refreshForCustomer: (actorId, customerCode) => refreshHomesForCustomer(context(), actorId, customerCode),
  };
}

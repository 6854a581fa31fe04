// Publishing the Home tab: when someone opens it, pages through it, or when something
// on it changed (an approval decided, a visit logged, a case recorded). Any flow may call
// `refreshHomes` after its change is committed; it never fails the flow, and it only
// touches the tabs of people who opened theirs lately (HOME_REFRESH_WINDOW_MINUTES) —
// everyone else's Home is rebuilt the next time they open it.
import type { Mrkdwn } from '../../i18n/catalog.ts';
import type { BotContext } from '../bot-context.ts';
import { lookingAtHome } from '../../domain/home/home-tab-opens.ts';
import { localeOf } from '../locale.ts';
import { timeZoneOf } from '../time-zone.ts';
import { buildHome } from './build-home.ts';
import type { HomePages } from './home-state.ts';

export async function publishHome(ctx: BotContext, userId: string, options: { pages?: HomePages; notice?: Mrkdwn | null } = {}): Promise<void> {
  const [locale, timeZone] = await Promise.all([localeOf(ctx, userId).catch(() => ctx.config.locale), timeZoneOf(ctx, userId).catch(() => ctx.config.timezone)]);
  const view = await buildHome(ctx, { userId, locale, timeZone, ...options });
  await ctx.sender.publishHome(userId, view);
}

/** Best effort, one person after another (views.publish is paced by the sender). */
export async function refreshHomes(ctx: BotContext, userIds: Iterable<string | null | undefined>): Promise<void> {
  try {
    const candidates = [...new Set([...userIds].filter((id): id is string => Boolean(id)))];
    for (const userId of await lookingAtHome(ctx, candidates, ctx.config.home.refreshWindowMinutes)) {
      await publishHome(ctx, userId).catch((error: unknown) => ctx.logger.warn({ err: error, userId }, 'home not refreshed'));
    }
  } catch (error) {
    ctx.logger.warn({ err: error }, 'homes not refreshed');
  }
}

/** Everyone whose Home lists a region's approvals or overdue items: its supervisors and the admins. */
export async function regionOverseers(ctx: BotContext, regionCode: string): Promise<string[]> {
  const staff = await ctx.db.staff.findMany({
    where: { active: true, OR: [{ role: 'admin' }, { role: 'supervisor', regionCode }] },
    select: { slackUserId: true },
  });
  return staff.map((s) => s.slackUserId);
}

/** After a change to one customer (a visit logged): whoever made it and the customer's manager. */
export async function refreshHomesForCustomer(ctx: BotContext, actorId: string, customerCode: string): Promise<void> {
  const customer = await ctx.db.customer.findUnique({ where: { code: customerCode }, select: { accountManagerId: true } }).catch(() => null);
  await refreshHomes(ctx, [actorId, customer?.accountManagerId]);
}

/**
 * After a ticket changed: the Homes that list it — its claimer (and whoever acted, e.g.
 * the one who released it), the customer's manager, the region's engineers (who see the
 * unclaimed ones) and the region's overseers (who see breaches).
 */
export async function refreshTicketHomes(
  ctx: BotContext,
  ticket: { regionCode: string; claimerId: string | null; customer: { accountManagerId: string | null } },
  alsoUserIds: (string | null | undefined)[] = [],
): Promise<void> {
  const engineers = await ctx.db.staff.findMany({ where: { active: true, role: 'field_engineer', regionCode: ticket.regionCode }, select: { slackUserId: true } });
  await refreshHomes(ctx, [
    ticket.claimerId,
    ...alsoUserIds,
    ticket.customer.accountManagerId,
    ...engineers.map((e) => e.slackUserId),
    ...(await regionOverseers(ctx, ticket.regionCode)),
  ]);
}

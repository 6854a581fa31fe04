// Publishing the Home tab: when someone opens it or pages through it (at once), and when
// something on it changed (an approval decided, a ticket claimed, a visit logged). A
// change only marks the Homes it shows on (`refreshHomes`, called after the change is
// committed, never failing the flow); the refresher below publishes each marked Home
// at most once per HOME_REFRESH_COALESCE_MS and not at all when the rebuilt view is
// what the person already sees. Only the tabs of people who opened theirs lately
// (HOME_REFRESH_WINDOW_MINUTES) are marked — everyone else's Home is rebuilt the next
// time they open it.
import { createHash } from 'node:crypto';
import type { Mrkdwn } from '../../i18n/catalog.ts';
import type { BotContext } from '../bot-context.ts';
import { claimDueHomes, homeBuildInstant, markHomesChanged, recordHomeRefreshFailed, recordHomeShown } from '../../domain/home/home-refreshes.ts';
import { localeOf } from '../locale.ts';
import { SlackDeliveryError, type HomeView } from '../sender.ts';
import { timeZoneOf } from '../time-zone.ts';
import { buildHome, homeStampBlockId } from './build-home.ts';
import type { HomePages } from './home-state.ts';

/** Builds and publishes someone's Home now (they opened it, paged, or clicked on it). */
export async function publishHome(ctx: BotContext, userId: string, options: { pages?: HomePages; notice?: Mrkdwn | null } = {}): Promise<void> {
  const builtAt = await homeBuildInstant(ctx.db);
  const view = await buildHomeView(ctx, userId, options);
  await ctx.sender.publishHome(userId, view);
  await recordHomeShown(ctx.db, userId, builtAt, viewHash(view));
}

async function buildHomeView(ctx: BotContext, userId: string, options: { pages?: HomePages; notice?: Mrkdwn | null }): Promise<HomeView> {
  const [locale, timeZone] = await Promise.all([localeOf(ctx, userId).catch(() => ctx.config.locale), timeZoneOf(ctx, userId).catch(() => ctx.config.timezone)]);
  return buildHome(ctx, { userId, locale, timeZone, ...options });
}

/** What the person sees, but for the "Updated …" stamp: equal hashes, nothing to republish. */
const viewHash = (view: HomeView) =>
  createHash('sha256')
    .update(JSON.stringify({ ...view, blocks: view.blocks.filter((block) => block.block_id !== homeStampBlockId) }))
    .digest('base64url');

/** Marks the Homes of `userIds` as changed and wakes the refresher; never throws. */
export async function refreshHomes(ctx: BotContext, userIds: Iterable<string | null | undefined>): Promise<void> {
  try {
    const candidates = [...new Set([...userIds].filter((id): id is string => Boolean(id)))];
    if ((await markHomesChanged(ctx, candidates, ctx.config.home.refreshWindowMinutes)) > 0) ctx.outbox.kick();
  } catch (error) {
    ctx.logger.warn({ err: error }, 'homes not marked for refresh');
  }
}

const refreshLeaseMillis = 60_000;
const refreshRetryMillis = 30_000;

/**
 * One round of the refresher: publishes the marked Homes whose window has passed (first
 * pages, as on opening) and returns how many it looked at. Run by the outbox loop when
 * no announcement is waiting, so posts to people go before Home refreshes.
 */
export async function refreshDueHomes(ctx: BotContext, limit = 20): Promise<number> {
  const due = await claimDueHomes(ctx.db, { coalesceMillis: ctx.config.home.coalesceMillis, leaseMillis: refreshLeaseMillis, limit });
  await Promise.all(
    due.map(async ({ userId, viewHash: shownHash, builtAt }) => {
      try {
        const view = await buildHomeView(ctx, userId, {});
        const hash = viewHash(view);
        if (hash !== shownHash) await ctx.sender.publishHome(userId, view);
        await recordHomeShown(ctx.db, userId, builtAt, hash);
      } catch (error) {
        const permanent = error instanceof SlackDeliveryError && error.permanent;
        ctx.logger.warn({ err: error, userId, permanent }, 'home not refreshed');
        await recordHomeRefreshFailed(ctx.db, userId, permanent ? 'drop' : { retryMillis: refreshRetryMillis }).catch(() => {});
      }
    }),
  );
  return due.length;
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

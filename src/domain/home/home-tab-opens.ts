// Who is looking at their Home tab: stamped when they open it or page through it. Only
// tabs opened within the refresh window are refreshed when something on them changes;
// anyone else gets a fresh Home the next time they open it anyway.
import type { Deps } from '../deps.ts';

export async function recordHomeOpened(deps: Deps, slackUserId: string): Promise<void> {
  const openedAt = deps.clock.now();
  await deps.db.homeTabOpen.upsert({ where: { slackUserId }, create: { slackUserId, openedAt }, update: { openedAt } });
}

/** Those of `userIds` who opened their Home within the last `windowMinutes`. */
export async function lookingAtHome(deps: Deps, userIds: string[], windowMinutes: number): Promise<string[]> {
  if (userIds.length === 0) return [];
  const since = new Date(deps.clock.now().getTime() - windowMinutes * 60_000);
  const rows = await deps.db.homeTabOpen.findMany({ where: { slackUserId: { in: userIds }, openedAt: { gte: since } }, select: { slackUserId: true } });
  const looking = new Set(rows.map((r) => r.slackUserId));
  return userIds.filter((id) => looking.has(id));
}

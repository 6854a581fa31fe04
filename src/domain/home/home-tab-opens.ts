// Who is looking at their Home tab: stamped when they open it or page through it. Only
// tabs opened within the refresh window are refreshed when something on them changes
// (./home-refreshes.ts); anyone else gets a fresh Home the next time they open it anyway.
import type { Deps } from '../deps.ts';

export async function recordHomeOpened(deps: Deps, slackUserId: string): Promise<void> {
  const openedAt = deps.clock.now();
  await deps.db.homeTabOpen.upsert({ where: { slackUserId }, create: { slackUserId, openedAt }, update: { openedAt } });
}

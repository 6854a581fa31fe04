// An admin's Home adds what only admins can fix: Slack deliveries refused for good
// (a channel deleted, the bot not invited), recorded by src/slack/deliver.ts.
import type { Deps } from '../deps.ts';
import { pageFromDb, type PageRequest } from './home-page.ts';

/** Refused Slack deliveries not yet marked resolved, newest first (admins). */
export async function recentDeliveryFailures(deps: Pick<Deps, 'db'>, input: { page: PageRequest }) {
  const where = { resolved: false };
  return pageFromDb(
    input.page,
    () => deps.db.deliveryFailure.count({ where }),
    (skip, take) => deps.db.deliveryFailure.findMany({ where, orderBy: [{ at: 'desc' }, { id: 'desc' }], skip, take }),
  );
}

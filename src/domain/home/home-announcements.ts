// After a change that shows on people's Home tabs but has no announcement of its own
// (a visit logged, a retention case recorded): the Homes of whoever acted and of the
// customer's account manager are refreshed from the outbox.
import type { Deps } from '../deps.ts';
import { announce } from '../outbox/announce.ts';

export const homeAnnouncementKind = 'home.customer_changed';

export function announceCustomerHomes(deps: Deps, input: { actorId: string; customerCode: string }): Promise<void> {
  return announce(deps, { kind: homeAnnouncementKind, subject: `customer:${input.customerCode}`, payload: input });
}

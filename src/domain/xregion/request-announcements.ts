// What the bot owes Slack about a cross-region request, written in the transaction of
// each step (see ../outbox/announce.ts): the two channel messages, the thread notices
// and the DMs follow from the outbox (src/slack/xregion/request-deliverers.ts).
import type { Deps } from '../deps.ts';
import { announce } from '../outbox/announce.ts';

export const requestAnnouncementKinds = {
  opened: 'xregion.opened',
  accepted: 'xregion.accepted',
  replied: 'xregion.replied',
  rejected: 'xregion.rejected',
  corrected: 'xregion.corrected',
  /** A reply-deadline reminder or breach, claimed by its stamp. */
  deadline: 'xregion.deadline_step',
} as const;

type Kind = keyof typeof requestAnnouncementKinds;

export function announceRequestStep(deps: Deps, kind: Kind, requestId: string, payload: Record<string, unknown> = {}): Promise<void> {
  return announce(deps, { kind: requestAnnouncementKinds[kind], subject: `xregion:${requestId}`, payload: { requestId, ...payload } });
}

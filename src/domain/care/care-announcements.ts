// What the bot owes Slack about a care callback, written in the change's transaction:
// the task to the account manager, the reminder when it falls due undone, and, after a
// dissatisfied callback, the offer to open a retention case.
import type { Deps } from '../deps.ts';
import { announce } from '../outbox/announce.ts';

export const careAnnouncementKinds = {
  task: 'care.callback_task',
  due: 'care.callback_due',
  dissatisfied: 'care.dissatisfied',
} as const;

export type CareAnnouncementKind = (typeof careAnnouncementKinds)[keyof typeof careAnnouncementKinds];

export function announceCare(deps: Deps, kind: CareAnnouncementKind, callbackId: bigint): Promise<void> {
  return announce(deps, { kind, subject: `care_callback:${callbackId}`, payload: { callbackId: String(callbackId) } });
}

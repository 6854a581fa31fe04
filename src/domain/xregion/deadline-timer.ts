// The durable timer behind a request's reply deadline (one per request, kind
// 'xregion.deadline'), and the stamps that make each deadline message go out once:
// a step is claimed with a conditional update checked by its count before anything is
// sent, so a second sweep — or a restarted bot — finds it taken.
import type { Clock } from '../../clock.ts';
import type { Db, PrismaClient } from '../../db/client.ts';
import { announceRequestStep } from './request-announcements.ts';
import type { DeadlineStep } from './reply-deadline-policy.ts';

export const xregionDeadlineTimer = 'xregion.deadline';

const open = { in: ['open', 'accepted'] as ('open' | 'accepted')[] };

/** True when this caller now owns the step and must send it. */
export async function claimDeadlineStep(db: Db, requestId: string, step: DeadlineStep, now: Date): Promise<boolean> {
  if (step === 'reminder') {
    const claimed = await db.xregionRequest.updateMany({ where: { id: requestId, status: open, reminderSentAt: null, breachSentAt: null }, data: { reminderSentAt: now } });
    return claimed.count === 1;
  }
  const claimed = await db.xregionRequest.updateMany({ where: { id: requestId, status: open, breachSentAt: null }, data: { breachSentAt: now } });
  // A breach that swallowed a missed reminder settles the reminder too.
  if (claimed.count === 1) await db.xregionRequest.updateMany({ where: { id: requestId, reminderSentAt: null }, data: { reminderSentAt: now } });
  return claimed.count === 1;
}

/**
 * Claims the step and writes its announcement in one transaction: once claimed, the
 * outbox delivers it to each audience once, however often Slack fails meanwhile.
 */
export async function claimAndAnnounceDeadlineStep(db: PrismaClient, clock: Clock, requestId: string, step: DeadlineStep): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const claimed = await claimDeadlineStep(tx, requestId, step, clock.now());
    if (claimed) await announceRequestStep({ db: tx, clock: clock }, 'deadline', requestId, { step });
    return claimed;
  });
}


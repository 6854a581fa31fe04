// "Once per person per local day" for reminders. A sender first claims the
// (kind, recipient, day) row — a unique insert that exactly one process wins, even
// across restarts and with several bot processes — then sends, then stamps the row.
// A send that fails for a passing reason gives the claim back so a retry can send;
// a process that dies between sending and stamping leaves the claim in place, so
// the worst case is a missed reminder, never a duplicate.
import type { Db } from '../../db/client.ts';
import { toDbDate, type LocalDate } from '../local-time.ts';

export type ReminderKind = 'digest' | 'weekly_summary';
export type ReminderKey = { kind: ReminderKind; recipientId: string; localDate: LocalDate };
export type ReminderOutcome = 'sent' | 'nothing_to_send' | 'undeliverable';

const where = (key: ReminderKey) => ({ kind: key.kind, recipientId: key.recipientId, localDate: toDbDate(key.localDate) });

/** True for the one caller that may send this reminder. */
export async function claimReminder(db: Db, key: ReminderKey, now: Date): Promise<boolean> {
  const inserted = await db.visitReminder.createMany({ data: [{ ...where(key), claimedAt: now, outcome: 'sending' }], skipDuplicates: true });
  return inserted.count === 1;
}

export async function settleReminder(
  db: Db,
  key: ReminderKey,
  result: { outcome: ReminderOutcome; at: Date; channel?: string; messageTs?: string; lineCount: number },
): Promise<void> {
  await db.visitReminder.updateMany({
    where: { ...where(key), outcome: 'sending' },
    data: { outcome: result.outcome, sentAt: result.outcome === 'sent' ? result.at : null, channel: result.channel, messageTs: result.messageTs, lineCount: result.lineCount },
  });
}

export async function releaseReminder(db: Db, key: ReminderKey): Promise<void> {
  await db.visitReminder.deleteMany({ where: { ...where(key), outcome: 'sending' } });
}

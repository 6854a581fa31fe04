// "Once per region per month" for the posted report. A sender claims the
// (region, month) row — an insert exactly one process wins, or the take-over of a row
// given back after a passing failure — then stamps each step, so a retry finishes the
// post (files after the message) instead of repeating it. A claim held longer than
// `staleClaimMillis` belongs to a process that died and may be taken over.
import type { Db } from '../../db/client.ts';

export type ReportPostKey = { regionCode: string; month: string };
export type ReportPost = { id: bigint; channelId: string | null; messageTs: string | null; filesUploadedAt: Date | null };

const staleClaimMillis = 10 * 60_000;

/** The row to carry on with, for the one caller that may send now; null for everyone else. */
export async function claimReportPost(db: Db, key: ReportPostKey, now: Date): Promise<ReportPost | null> {
  const inserted = await db.monthlyReportPost.createMany({ data: [{ ...key, outcome: 'sending', claimedAt: now }], skipDuplicates: true });
  if (inserted.count === 0) {
    const taken = await db.monthlyReportPost.updateMany({
      where: {
        ...key,
        OR: [{ outcome: 'retry' }, { outcome: 'sending', claimedAt: { lt: new Date(now.getTime() - staleClaimMillis) } }],
      },
      data: { outcome: 'sending', claimedAt: now },
    });
    if (taken.count === 0) return null;
  }
  return db.monthlyReportPost.findUniqueOrThrow({
    where: { regionCode_month: key },
    select: { id: true, channelId: true, messageTs: true, filesUploadedAt: true },
  });
}

export async function stampReportMessage(db: Db, id: bigint, posted: { channelId: string; messageTs: string }): Promise<void> {
  await db.monthlyReportPost.update({ where: { id }, data: posted });
}

export async function stampReportFiles(db: Db, id: bigint, at: Date): Promise<void> {
  await db.monthlyReportPost.update({ where: { id }, data: { filesUploadedAt: at } });
}

export async function settleReportPost(db: Db, id: bigint, outcome: 'sent' | 'undeliverable', at: Date): Promise<void> {
  await db.monthlyReportPost.updateMany({ where: { id, outcome: 'sending' }, data: { outcome, sentAt: outcome === 'sent' ? at : null } });
}

/** After a passing failure: the next attempt may claim the row and finish the steps left. */
export async function releaseReportPost(db: Db, id: bigint): Promise<void> {
  await db.monthlyReportPost.updateMany({ where: { id, outcome: 'sending' }, data: { outcome: 'retry' } });
}

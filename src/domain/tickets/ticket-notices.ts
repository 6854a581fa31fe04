// "Sent" stamps for the messages timers send (breach escalation, re-pings, the
// "still on it?" question). A stamp is written only after Slack accepted the message,
// and a message whose stamp exists is not sent again.
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../clock.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../audit.ts';

/** The stamp key of a "still on it?" question, per version of the claim-check timer. */
export const claimCheckNoticePrefix = 'claim_check:';

export async function wasNoticeSent(db: Db, ticketId: string, key: string): Promise<boolean> {
  return (await db.ticketNotice.findUnique({ where: { ticketId_key: { ticketId, key } } })) !== null;
}

/** Records the stamp (and where the message landed, if known); false when another sweep got there first. */
export async function recordNoticeSent(
  deps: { db: Db; clock: Clock },
  ticketId: string,
  key: string,
  audit?: { action: string; detail?: Record<string, unknown> },
  message?: { channel: string; ts: string } | null,
): Promise<boolean> {
  return inTransaction(deps.db, async (tx) => {
    const landed = message ? { channelId: message.channel, messageTs: message.ts } : {};
    const created = await tx.ticketNotice.createMany({ data: [{ ticketId, key, sentAt: deps.clock.now(), ...landed }], skipDuplicates: true });
    if (created.count === 1 && audit) await recordAudit({ db: tx, clock: deps.clock }, { actorId: 'system', action: audit.action, subject: `ticket:${ticketId}`, detail: audit.detail });
    return created.count === 1;
  });
}

/** The last "still on it?" question the ticket's claimer was sent, where it landed; null if none is known. */
export async function lastClaimCheckQuestion(db: Db, ticketId: string): Promise<{ channel: string; ts: string } | null> {
  const notice = await db.ticketNotice.findFirst({
    where: { ticketId, key: { startsWith: claimCheckNoticePrefix }, channelId: { not: null }, messageTs: { not: null } },
    orderBy: { sentAt: 'desc' },
  });
  return notice?.channelId && notice.messageTs ? { channel: notice.channelId, ts: notice.messageTs } : null;
}

/** Moves the SLA ping cursor from `from` to `to`; false when another sweep already moved it. */
export async function markSlaPinged(db: Db, ticketId: string, from: Date | null, to: Date): Promise<boolean> {
  const moved = await db.ticket.updateMany({ where: { id: ticketId, slaPingedThrough: from }, data: { slaPingedThrough: to } });
  return moved.count === 1;
}

/** Stamps that the claimer was asked "still on it?" — only if the claim is still theirs. */
export async function markClaimCheckAsked(db: Db, ticketId: string, claimerId: string, at: Date): Promise<boolean> {
  const marked = await db.ticket.updateMany({ where: { id: ticketId, claimerId, status: 'claimed', claimCheckAskedAt: null }, data: { claimCheckAskedAt: at } });
  return marked.count === 1;
}

/** Where the ticket's channel message lives, once posted. */
export async function recordTicketMessage(db: Db, ticketId: string, message: { channel: string; ts: string }): Promise<void> {
  await db.ticket.update({ where: { id: ticketId }, data: { channelId: message.channel, messageTs: message.ts } });
}

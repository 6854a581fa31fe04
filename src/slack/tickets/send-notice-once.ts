// Sends a timer's message at most once per (ticket, key): skipped when its stamp
// exists, stamped only after Slack accepted it (or refused it for good, which
// deliverMessage records for the admins). A transient failure throws, so the timer
// fires again and tries once more.
import { recordNoticeSent, wasNoticeSent } from '../../domain/tickets/ticket-notices.ts';
import type { BotContext } from '../bot-context.ts';

/** Where a single posted message landed (deliverMessage's answer), so it can be updated later. */
function postedMessage(sent: unknown): { channel: string; ts: string } | null {
  if (!sent || typeof sent !== 'object') return null;
  const { channel, ts } = sent as { channel?: unknown; ts?: unknown };
  return typeof channel === 'string' && typeof ts === 'string' ? { channel, ts } : null;
}

export async function sendNoticeOnce(
  ctx: BotContext,
  ticketId: string,
  key: string,
  send: () => Promise<unknown>,
  audit?: { action: string; detail?: Record<string, unknown> },
): Promise<void> {
  if (await wasNoticeSent(ctx.db, ticketId, key)) return;
  const sent = await send();
  if (!(await recordNoticeSent(ctx, ticketId, key, audit, postedMessage(sent)))) {
    ctx.logger.warn({ ticketId, key }, 'ticket notice was stamped by another sweep meanwhile');
  }
}

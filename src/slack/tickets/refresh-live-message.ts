// Keeps the account manager's live DM (介入制) in step with the ticket: posted the first
// time, then chat.update in place — at every step, at each countdown ping, and when the
// customer was informed. Rendered from a fresh read each time, one run per ticket at a
// time. A ticket that is no longer worked on gets one last update (no button) and rests.
import { findTicketById } from '../../domain/tickets/find-ticket.ts';
import { isLiveTracked, isLiveTrackedCustomer, recordLiveMessage } from '../../domain/tickets/live-tracking.ts';
import type { BotContext } from '../bot-context.ts';
import { deliverMessage, updateDeliveredMessage } from '../deliver.ts';
import { oneRunAtATime } from '../kit/one-run-at-a-time.ts';
import { localeOf } from '../locale.ts';
import { timeZoneOf } from '../time-zone.ts';
import { liveTrackingMessage, type LiveStep } from './live-tracking-message.ts';

const runs = new WeakMap<BotContext, (ticketId: string) => Promise<void>>();

export function refreshLiveMessage(ctx: BotContext, ticketId: string): Promise<void> {
  let run = runs.get(ctx);
  if (!run) runs.set(ctx, (run = oneRunAtATime((id) => renderAndSend(ctx, id))));
  return run(ticketId);
}

async function renderAndSend(ctx: BotContext, ticketId: string): Promise<void> {
  const ticket = await findTicketById(ctx.db, ticketId);
  const managerId = ticket?.customer.accountManagerId;
  if (!ticket || !managerId || !isLiveTrackedCustomer(ticket, ctx.config.tickets)) return;
  const posted = ticket.liveChannelId && ticket.liveMessageTs ? { channel: ticket.liveChannelId, ts: ticket.liveMessageTs } : null;
  // A ticket closed before its DM went out needs none.
  if (!posted && !isLiveTracked(ticket, ctx.config.tickets)) return;
  const entries = await ctx.db.auditEntry.findMany({ where: { subject: `ticket:${ticket.id}` }, orderBy: [{ at: 'asc' }, { id: 'asc' }], take: 100 });
  const steps: LiveStep[] = entries.map((e) => ({ at: e.at, action: e.action, actorId: e.actorId, assignee: ((e.detail ?? {}) as { assignee?: string }).assignee ?? null }));
  const [locale, timezone] = await Promise.all([localeOf(ctx, managerId), timeZoneOf(ctx, managerId)]);
  const message = liveTrackingMessage(ticket, steps, { locale, timezone, now: ctx.clock.now() });
  const context = `ticket ${ticket.number} live tracking`;
  if (posted) {
    await updateDeliveredMessage(ctx, { ...posted, ...message }, context);
    return;
  }
  const sent = await deliverMessage(ctx, { channel: managerId, ...message }, context);
  if (sent) await recordLiveMessage(ctx.db, ticket.id, sent);
}

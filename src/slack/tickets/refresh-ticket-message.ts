// Keeps a ticket's channel message in step with the ticket: posts it the first time,
// then chat.update in place. Each run renders from a fresh read, and runs for one
// ticket never overlap (a request during a run queues one more, shared by everyone
// who asks meanwhile), so an older rendering can never land after a newer one.
import { findTicketById } from '../../domain/tickets/find-ticket.ts';
import { recordTicketMessage } from '../../domain/tickets/ticket-notices.ts';
import { ticketMessage } from './ticket-message.ts';
import { isLiveTracked } from '../../domain/tickets/live-tracking.ts';
import type { BotContext } from '../bot-context.ts';
import { deliverMessage, updateDeliveredMessage } from '../deliver.ts';

type Lane = { tail: Promise<void>; queued: Promise<void> | null };
const lanes = new Map<string, Lane>();

export function refreshTicketMessage(ctx: BotContext, ticketId: string): Promise<void> {
  const lane = lanes.get(ticketId) ?? { tail: Promise.resolve(), queued: null };
  if (lane.queued) return lane.queued;
  const run = lane.tail
    .catch(() => {})
    .then(() => {
      lane.queued = null;
      return renderAndSend(ctx, ticketId);
    });
  lane.queued = run;
  lane.tail = run;
  lanes.set(ticketId, lane);
  run.then(
    () => lanes.get(ticketId)?.tail === run && lanes.delete(ticketId),
    () => lanes.get(ticketId)?.tail === run && lanes.delete(ticketId),
  );
  return run;
}

async function renderAndSend(ctx: BotContext, ticketId: string): Promise<void> {
  const ticket = await findTicketById(ctx.db, ticketId);
  if (!ticket) return;
  const affected = await ctx.db.ticketAffectedCustomer.findMany({ where: { ticketId }, orderBy: { customerCode: 'asc' }, select: { customerCode: true } });
  const message = ticketMessage(
    ticket,
    affected.map((row) => row.customerCode),
    { locale: ctx.config.locale, timezone: ctx.config.timezone, now: ctx.clock.now(), liveTracked: isLiveTracked(ticket, ctx.config.tickets) },
  );
  const context = `ticket ${ticket.number} message`;
  if (ticket.channelId && ticket.messageTs) {
    await updateDeliveredMessage(ctx, { channel: ticket.channelId, ts: ticket.messageTs, ...message }, context);
    return;
  }
  const region = await ctx.db.region.findUnique({ where: { code: ticket.regionCode }, select: { ticketChannelId: true } });
  if (!region?.ticketChannelId) return;
  const posted = await deliverMessage(ctx, { channel: region.ticketChannelId, ...message }, context);
  if (posted) await recordTicketMessage(ctx.db, ticket.id, posted);
}

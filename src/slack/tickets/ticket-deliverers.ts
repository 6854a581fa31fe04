// The outbox's deliverers for ticket announcements (src/domain/tickets/ticket-announcements.ts):
// each rebuilds the change from the frozen facts and the ticket as it is now.
import { findTicketById, type TicketRecord } from '../../domain/tickets/find-ticket.ts';
import type { MajorFault } from '../../domain/tickets/mark-ticket-major.ts';
import type { TicketChange } from '../../domain/tickets/take-ticket-step.ts';
import { ticketAnnouncementKinds, type TicketMajorFacts, type TicketStepFacts } from '../../domain/tickets/ticket-announcements.ts';
import type { BotContext } from '../bot-context.ts';
import type { Deliverer } from '../outbox/outbox-sweep.ts';
import { deliverMajorFault, deliverTicketChange, deliverTicketOpened } from './announce-ticket.ts';
import { localeOf } from '../locale.ts';
import { deliveryStep } from '../outbox/delivery-scope.ts';
import { slaPauseRequestedText } from './announce-sla-pause.ts';
import { refreshTicketMessage } from './refresh-ticket-message.ts';
import { refreshLiveMessage } from './refresh-live-message.ts';
import { liveAnnouncementKind } from '../../domain/tickets/record-customer-informed.ts';
import { tellPerson } from './ticket-audiences.ts';

/** The change as it was: the ticket now, with the status and claimer the step left it in. */
function changeFrom(ticket: TicketRecord, facts: TicketStepFacts): TicketChange {
  return {
    ticket: { ...ticket, status: facts.to, claimerId: facts.claimerId },
    event: facts.event,
    actorId: facts.actorId,
    from: facts.from,
    previousClaimerId: facts.previousClaimerId,
    at: new Date(facts.at),
  };
}

async function ticketOf(ctx: BotContext, payload: Record<string, unknown>): Promise<TicketRecord | null> {
  return findTicketById(ctx.db, String(payload.ticketId));
}

export function ticketDeliverers(ctx: BotContext): Record<string, Deliverer> {
  return {
    [ticketAnnouncementKinds.opened]: async ({ payload }) => {
      const ticket = await ticketOf(ctx, payload);
      if (ticket) await deliverTicketOpened(ctx, ticket);
    },
    [ticketAnnouncementKinds.changed]: async ({ payload }) => {
      const ticket = await ticketOf(ctx, payload);
      if (ticket) await deliverTicketChange(ctx, changeFrom(ticket, payload as TicketStepFacts));
    },
    [ticketAnnouncementKinds.major]: async ({ payload }) => {
      const ticket = await ticketOf(ctx, payload);
      if (!ticket) return;
      const facts = payload as TicketMajorFacts;
      const linked = await ctx.db.customer.findMany({
        where: { code: { in: facts.affectedCodes } },
        select: { code: true, name: true, regionCode: true, accountManagerId: true },
        orderBy: { code: 'asc' },
      });
      const own = facts.firstMarking ? [{ code: ticket.customer.code, name: ticket.customer.name, regionCode: ticket.customer.regionCode, accountManagerId: ticket.customer.accountManagerId }] : [];
      const fault: MajorFault = { ...changeFrom(ticket, facts), firstMarking: facts.firstMarking, newlyAffected: [...own, ...linked] };
      await deliverMajorFault(ctx, fault, facts.note ?? undefined);
    },
    [ticketAnnouncementKinds.message]: async ({ payload }) => {
      await deliveryStep('ticket message', () => refreshTicketMessage(ctx, String(payload.ticketId)));
      // The clock paused or resumed: a live-tracked ticket's DM shows it too.
      await deliveryStep('live tracking', () => refreshLiveMessage(ctx, String(payload.ticketId)));
    },
    // "Customer informed": the live DM, the ticket message and the Homes say so.
    [liveAnnouncementKind]: async ({ payload }) => {
      const ticket = await ticketOf(ctx, payload);
      if (!ticket) return;
      await deliveryStep('live tracking', () => refreshLiveMessage(ctx, ticket.id));
      await deliveryStep('ticket message', () => refreshTicketMessage(ctx, ticket.id));
      await deliveryStep('home tabs', () => ctx.homes.refreshForTicket(ticket));
    },
    [ticketAnnouncementKinds.pauseRequested]: async ({ payload }) => {
      const ticket = await ticketOf(ctx, payload);
      if (!ticket) return;
      await deliveryStep('ticket message', () => refreshTicketMessage(ctx, ticket.id));
      if (typeof payload.requesterId !== 'string') return;
      const requesterId = payload.requesterId;
      await deliveryStep('requester notice', async () => {
        const locale = await localeOf(ctx, requesterId);
        const text = await slaPauseRequestedText(ctx, locale, ticket);
        await tellPerson(ctx, requesterId, () => text, `ticket ${ticket.number} pause requested`);
      });
    },
  };
}

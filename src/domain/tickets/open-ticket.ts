// Opening a ticket, from Slack or from the API: the customer's service level and the
// restore window are looked up once and frozen on the ticket; its SLA pings and the
// "still unclaimed" re-ping are scheduled in the same transaction.
import type { TicketScope, TicketServiceType } from '../../generated/prisma/enums.ts';
import { Prisma } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { DomainError } from '../../errors.ts';
import { recordAudit } from '../audit.ts';
import { requireStaff } from '../directory/find-staff.ts';
import { findTicketById, ticketInclude, type TicketRecord } from './find-ticket.ts';
import { restoreDeadline, restoreWindowMinutes, serviceLevelFor } from './sla-policy.ts';
import { isSystemActor, type TicketDeps } from './ticket-deps.ts';
import { announceOpenedFromMessage, announceTicketOpened, type TicketSourceMessage } from './ticket-announcements.ts';
import { nextTicketNumber } from './ticket-number.ts';
import { isLiveTrackedCustomer, scheduleInformReminder } from './live-tracking.ts';
import { minutesAfter, scheduleSlaPings, scheduleTicketTimer, ticketTimerKinds } from './ticket-timers.ts';

export type OpenTicketInput = {
  /** A Slack user id, or "api:<source>" for the HTTP API. */
  actorId: string;
  customerCode: string;
  serviceType: TicketServiceType;
  scope: TicketScope;
  description: string;
  contactName?: string;
  contactPhone?: string;
  externalRef?: string;
  /** The Slack message it was opened from (a message shortcut): its thread links back to it. */
  sourceMessage?: TicketSourceMessage;
};

export type OpenTicketResult = { ticket: TicketRecord; created: boolean };

export async function openTicket(deps: TicketDeps, input: OpenTicketInput): Promise<OpenTicketResult> {
  if (!isSystemActor(input.actorId)) await requireStaff(deps, input.actorId);
  if (input.externalRef) {
    const existing = await deps.db.ticket.findUnique({ where: { externalRef: input.externalRef }, include: ticketInclude });
    if (existing) return { ticket: existing, created: false };
  }
  const customer = await deps.db.customer.findUnique({ where: { code: input.customerCode.trim().toUpperCase() } });
  if (!customer) throw new DomainError('ticket_unknown_customer', { code: input.customerCode });

  const openedAt = deps.clock.now();
  const serviceLevel = serviceLevelFor(customer);
  const windowMinutes = restoreWindowMinutes(serviceLevel, input.scope);
  const deadline = restoreDeadline({ openedAt, windowMinutes, pausedMillis: 0 });
  try {
    const id = await inTransaction(deps.db, async (tx) => {
      const number = await nextTicketNumber(tx, openedAt, deps.config.timezone);
      const ticket = await tx.ticket.create({
        data: {
          number,
          customerCode: customer.code,
          regionCode: customer.regionCode,
          serviceType: input.serviceType,
          scope: input.scope,
          serviceLevel,
          description: input.description,
          contactName: input.contactName || null,
          contactPhone: input.contactPhone || null,
          externalRef: input.externalRef || null,
          openedById: input.actorId,
          openedAt,
          windowMinutes,
          restoreDeadline: deadline,
          unclaimedSince: openedAt,
        },
      });
      await recordAudit({ db: tx, clock: deps.clock }, {
        actorId: input.actorId,
        action: 'ticket.opened',
        subject: `ticket:${ticket.id}`,
        detail: { number, from: null, to: 'open', serviceLevel, windowMinutes, restoreDeadline: deadline.toISOString(), ...(input.sourceMessage ? { sourceMessage: input.sourceMessage } : {}) },
      });
      await scheduleSlaPings(tx, ticket, deps.config.tickets, openedAt);
      await scheduleTicketTimer(tx, ticketTimerKinds.unclaimed, ticket.id, minutesAfter(openedAt, deps.config.tickets.unclaimedMinutes));
      // Live tracking (介入制): the manager is reminded if the customer waits without news.
      if (isLiveTrackedCustomer({ customer }, deps.config.tickets)) await scheduleInformReminder(tx, ticket.id, openedAt, deps.config.tickets);
      // Posted by the outbox: a crash or a Slack outage after the commit only delays it.
      await announceTicketOpened({ db: tx, clock: deps.clock }, ticket.id);
      if (input.sourceMessage) await announceOpenedFromMessage({ db: tx, clock: deps.clock }, { ticketId: ticket.id, ...input.sourceMessage });
      return ticket.id;
    });
    return { ticket: (await findTicketById(deps.db, id))!, created: true };
  } catch (error) {
    // Two deliveries of one API call at once: the second finds the first's ticket.
    if (input.externalRef && error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      const existing = await deps.db.ticket.findUnique({ where: { externalRef: input.externalRef }, include: ticketInclude });
      if (existing) return { ticket: existing, created: false };
    }
    throw error;
  }
}

// Delivers what follows a ticket change (from the outbox, after the change committed):
// the channel message is put in place first (so a Claim button comes off at once), then
// the history line in its thread, the account manager's notice, and whatever the step
// means for others. Each audience is a delivery step: done once, skipped on a retry.
import { listAdminIds } from '../../domain/directory/find-staff.ts';
import { findTicketById, type TicketRecord } from '../../domain/tickets/find-ticket.ts';
import type { MajorFault } from '../../domain/tickets/mark-ticket-major.ts';
import type { TicketChange } from '../../domain/tickets/take-ticket-step.ts';
import { isSystemActor } from '../../domain/tickets/ticket-deps.ts';
import { lastClaimCheckQuestion } from '../../domain/tickets/ticket-notices.ts';
import { managerHearsOf } from '../../domain/tickets/ticket-rules.ts';
import { t, tPlain } from '../../i18n/catalog.ts';
import { mentions } from '../../i18n/mrkdwn.ts';
import { slackDate } from '../kit/slack-date.ts';
import type { BotContext } from '../bot-context.ts';
import { updateDeliveredMessage } from '../deliver.ts';
import { localeOf } from '../locale.ts';
import { timeZoneOf } from '../time-zone.ts';
import { claimCheckAftermath } from './claim-check-aftermath.ts';
import { deliveryStep } from '../outbox/delivery-scope.ts';
import { refreshTicketMessage } from './refresh-ticket-message.ts';
import { refreshLiveMessage } from './refresh-live-message.ts';
import { isLiveTrackedCustomer } from '../../domain/tickets/live-tracking.ts';
import { alertSupervisors, notifyManager, postHistory, tellPerson, tellSupervisors } from './ticket-audiences.ts';
import { actorLabel, customerLabel, windowHours } from './ticket-words.ts';

const managerOf = (ticket: TicketRecord) => ({ serviceLevel: ticket.serviceLevel, cardTier: ticket.customer.cardTier });

export async function deliverTicketOpened(ctx: BotContext, ticket: TicketRecord): Promise<void> {
  await deliveryStep('ticket message', () => refreshTicketMessage(ctx, ticket.id));
  await deliveryStep('live tracking', () => refreshLiveMessage(ctx, ticket.id));
  await deliveryStep('home tabs', () => ctx.homes.refreshForTicket(ticket));
  // An account manager who opened the ticket gets the opener's confirmation instead;
  // one who tracks it live has the live DM instead of notices.
  if (ticket.customer.accountManagerId !== ticket.openedById && !isLiveTrackedCustomer(ticket, ctx.config.tickets)) {
    await deliveryStep('manager notice', () => notifyManager(ctx, ticket, 'opened', ticket.openedById));
  }
  if (isSystemActor(ticket.openedById)) return;
  const posted = await ctx.db.ticket.findUnique({ where: { id: ticket.id }, select: { channelId: true } });
  const adminIds = await listAdminIds(ctx);
  const admins = adminIds.length > 0 ? mentions(adminIds, ', ') : '—';
  await deliveryStep('opener confirmation', () =>
    tellPerson(
      ctx,
      ticket.openedById,
      (locale) => {
        const params = {
          number: ticket.number,
          customer: customerLabel(ticket),
          level: ticket.serviceLevel,
          hours: windowHours(ticket),
          deadline: slackDate(ticket.restoreDeadline, ctx.config.timezone),
        };
        return posted?.channelId
          ? t(locale, 'ticket.opened.confirm', { ...params, channel: posted.channelId })
          : t(locale, 'ticket.opened.no_channel', { ...params, region: ticket.regionCode, admins });
      },
      `ticket ${ticket.number} opened`,
    ),
  );
}

export async function deliverTicketChange(ctx: BotContext, change: TicketChange, options: { managerNotice?: boolean } = {}): Promise<void> {
  const { ticket } = change;
  const tz = ctx.config.timezone;
  await deliveryStep('ticket message', () => refreshTicketMessage(ctx, ticket.id));
  if (change.event === 'claim_confirmed') return;
  await deliveryStep('live tracking', () => refreshLiveMessage(ctx, ticket.id));
  await deliveryStep('home tabs', () => ctx.homes.refreshForTicket(ticket, [change.actorId, change.previousClaimerId]));
  await deliveryStep('ticket history', () => postHistory(ctx, change));
  // A manager tracking the ticket live sees each step in the one live DM, not as notices.
  const live = isLiveTrackedCustomer(ticket, ctx.config.tickets);
  if (options.managerNotice !== false && !live && managerHearsOf(change.event, managerOf(ticket))) {
    await deliveryStep('manager notice', () => notifyManager(ctx, ticket, change.event, change.actorId));
  }
  if (change.event === 'reassigned' && ticket.claimerId) {
    const to = ticket.claimerId;
    await deliveryStep('reassigned notice', () =>
      tellPerson(
        ctx,
        to,
        (locale) => t(locale, 'ticket.reassigned.to_you', { actor: change.actorId, number: ticket.number, customer: customerLabel(ticket), level: ticket.serviceLevel, deadline: slackDate(ticket.restoreDeadline, tz) }),
        `ticket ${ticket.number} reassigned`,
      ),
    );
  }
  if (change.event === 'auto_released' && change.previousClaimerId) {
    const claimer = change.previousClaimerId;
    const claimedAt = await lastClaimedAt(ctx, ticket.id);
    const since = claimedAt ? slackDate(claimedAt, tz) : '—';
    await deliveryStep('auto-release supervisors', () =>
      alertSupervisors(ctx, ticket, (locale) => t(locale, 'ticket.auto_released.supervisors', { number: ticket.number, customer: customerLabel(ticket), user: claimer, since }), `ticket ${ticket.number} auto-released`),
    );
    await deliveryStep('claim check question', () => settleClaimCheckQuestion(ctx, ticket.id, claimer));
    await deliveryStep('auto-release claimer', () =>
      tellPerson(ctx, claimer, (locale) => t(locale, 'ticket.auto_released.claimer', { number: ticket.number, customer: customerLabel(ticket) }), `ticket ${ticket.number} auto-released`),
    );
  }
}

/** Supervisors of every region concerned at once; each account manager one grouped message. */
export async function deliverMajorFault(ctx: BotContext, fault: MajorFault, note: string | undefined): Promise<void> {
  // The account managers hear of a major fault through the one grouped message below.
  await deliverTicketChange(ctx, fault, { managerNotice: false });
  const { ticket } = fault;
  if (fault.newlyAffected.length === 0) return;
  const list = (codes: typeof fault.newlyAffected) => codes.map((c) => `${c.code} ${c.name}`).join(', ');
  const regions = [...new Set([ticket.regionCode, ...fault.newlyAffected.map((c) => c.regionCode)])];
  for (const regionCode of regions) {
    await deliveryStep(`major fault supervisors ${regionCode}`, () =>
      tellSupervisors(
        ctx,
        regionCode,
        (locale) =>
          t(locale, fault.firstMarking ? 'ticket.major.supervisors' : 'ticket.major.supervisors_more', {
            number: ticket.number,
            customer: customerLabel(ticket),
            actor: actorLabel(locale, fault.actorId),
            count: fault.newlyAffected.length,
            customers: list(fault.newlyAffected),
            note: note ? tPlain(locale, 'ticket.major.note_line', { note }) : '',
          }),
        `ticket ${ticket.number} major fault`,
      ),
    );
  }
  const byManager = new Map<string, typeof fault.newlyAffected>();
  for (const customer of fault.newlyAffected) {
    if (customer.accountManagerId) byManager.set(customer.accountManagerId, [...(byManager.get(customer.accountManagerId) ?? []), customer]);
  }
  for (const [managerId, customers] of byManager) {
    await deliveryStep(`major fault manager ${managerId}`, () =>
      tellPerson(
        ctx,
        managerId,
        (locale) =>
          t(locale, 'ticket.major.manager', {
            number: ticket.number,
            service: tPlain(locale, `ticket.service.${ticket.serviceType}`),
            count: customers.length,
            customers: list(customers),
            deadline: slackDate(ticket.restoreDeadline, ctx.config.timezone),
          }),
        `ticket ${ticket.number} major fault`,
      ),
    );
  }
}

/** The unanswered "still on it?" DM loses its buttons and says what happened (in the claimer's language and zone). */
async function settleClaimCheckQuestion(ctx: BotContext, ticketId: string, claimerId: string): Promise<void> {
  const question = await lastClaimCheckQuestion(ctx.db, ticketId);
  // The ticket as it is now: claimed again by someone else meanwhile, the question says so.
  const ticket = question ? await findTicketById(ctx.db, ticketId) : null;
  if (!question || !ticket) return;
  const [locale, timezone] = await Promise.all([localeOf(ctx, claimerId), timeZoneOf(ctx, claimerId)]);
  const settled = claimCheckAftermath(locale, timezone, ticket, claimerId);
  if (settled) await updateDeliveredMessage(ctx, { channel: question.channel, ts: question.ts, ...settled }, `ticket ${ticket.number} claim check settled`);
}

async function lastClaimedAt(ctx: BotContext, ticketId: string): Promise<Date | null> {
  const entry = await ctx.db.auditEntry.findFirst({ where: { subject: `ticket:${ticketId}`, action: { in: ['ticket.claimed', 'ticket.reassigned'] } }, orderBy: { at: 'desc' } });
  return entry?.at ?? null;
}

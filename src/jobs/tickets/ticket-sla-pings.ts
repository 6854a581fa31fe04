// Fires a ticket's 'ticket.sla' timer: looks at the ticket as it is now, sends the one
// countdown ping that is due (to the claimer, or to the channel while nobody holds
// it; several missed steps become one message), escalates a breach once, and says
// when the next step falls due. Restored, cancelled or paused tickets need nothing more.
import { findTicketById, type TicketRecord } from '../../domain/tickets/find-ticket.ts';
import { dueSlaSteps, nextSlaStep, type SlaStep } from '../../domain/tickets/sla-pings.ts';
import { isPingMuted } from '../../domain/tickets/snooze-ticket-pings.ts';
import { markSlaPinged } from '../../domain/tickets/ticket-notices.ts';
import { activeStatuses } from '../../domain/tickets/ticket-rules.ts';
import { slaPlanOf } from '../../domain/tickets/ticket-timers.ts';
import { t } from '../../i18n/catalog.ts';
import { markup } from '../../i18n/mrkdwn.ts';
import { slackDate } from '../../slack/kit/slack-date.ts';
import { claimActions } from '../../slack/tickets/ticket-alert-buttons.ts';
import { slaPingText } from '../../slack/tickets/ticket-pings.ts';
import { section } from '../../slack/kit/text.ts';
import type { BotContext } from '../../slack/bot-context.ts';
import { deliverMessage } from '../../slack/deliver.ts';
import { localeOf } from '../../slack/locale.ts';
import { refreshTicketMessage } from '../../slack/tickets/refresh-ticket-message.ts';
import { snoozeActions } from '../../slack/tickets/snooze-buttons.ts';
import { refreshLiveMessage } from '../../slack/tickets/refresh-live-message.ts';
import { isLiveTracked } from '../../domain/tickets/live-tracking.ts';
import { sendNoticeOnce } from '../../slack/tickets/send-notice-once.ts';
import { alertSupervisors, tellPerson } from '../../slack/tickets/ticket-audiences.ts';
import { customerLabel } from '../../slack/tickets/ticket-words.ts';
import type { TimerHandler } from '../sweep-due-timers.ts';

export function ticketSlaPings(ctx: BotContext): TimerHandler {
  return async (timer, now) => {
    const ticket = await findTicketById(ctx.db, timer.subjectId);
    if (!ticket || !activeStatuses.includes(ticket.status)) return null;
    // A paused clock owes no pings; resuming schedules them again from the moved deadline.
    if (ticket.pausedSince) return null;
    const settings = ctx.config.tickets;
    const plan = slaPlanOf(ticket);
    const due = dueSlaSteps(plan, settings, ticket.slaPingedThrough, now);
    if (due.length > 0) {
      // A claimer's snooze silences the steps before the deadline (they are passed, not
      // postponed); the breach and what follows it always go out.
      if (isPingMuted(ticket, due, now)) ctx.logger.info({ ticket: ticket.number }, 'countdown ping muted by the claimer');
      else await sendSlaPing(ctx, ticket, due);
      if (!(await markSlaPinged(ctx.db, ticket.id, ticket.slaPingedThrough, due.at(-1)!.at))) {
        ctx.logger.warn({ ticket: ticket.number }, 'SLA ping cursor was moved by another sweep meanwhile');
      }
    }
    if (now.getTime() >= plan.deadline.getTime()) await escalateBreach(ctx, ticket);
    // The manager's live DM (介入制) shows the countdown as it moves.
    if (due.length > 0 && isLiveTracked(ticket, settings)) await refreshLiveMessage(ctx, ticket.id);
    return nextSlaStep(plan, settings, now).at;
  };
}

async function sendSlaPing(ctx: BotContext, ticket: TicketRecord, due: SlaStep[]): Promise<void> {
  const { timezone } = ctx.config;
  const context = `ticket ${ticket.number} SLA ping`;
  if (ticket.claimerId && ticket.status !== 'open') {
    const beforeDeadline = due.every((step) => step.kind === 'half' || step.kind === 'left');
    if (!beforeDeadline) {
      await tellPerson(ctx, ticket.claimerId, (locale) => slaPingText(locale, timezone, ticket, due, false), context);
      return;
    }
    // Before the deadline the claimer may mute the next pings from the ping itself.
    const locale = await localeOf(ctx, ticket.claimerId);
    const text = slaPingText(locale, timezone, ticket, due, false);
    await deliverMessage(ctx, { channel: ticket.claimerId, text, blocks: [section(text), snoozeActions(locale, ticket.id)] }, context);
    return;
  }
  const region = await ctx.db.region.findUnique({ where: { code: ticket.regionCode }, select: { ticketChannelId: true } });
  const channel = ticket.channelId ?? region?.ticketChannelId;
  if (!channel) return;
  const text = slaPingText(ctx.config.locale, timezone, ticket, due, true);
  // "Please press Claim": the button is right here, with a link to the ticket.
  await deliverMessage(ctx, { channel, text, blocks: [section(text), claimActions(ctx.config.locale, ticket)] }, context);
}

async function escalateBreach(ctx: BotContext, ticket: TicketRecord): Promise<void> {
  const deadline = slackDate(ticket.restoreDeadline, ctx.config.timezone);
  const holder = (locale: Parameters<typeof t>[0]) =>
    markup(ticket.claimerId ? t(locale, 'ticket.breach.holder', { user: ticket.claimerId }) : t(locale, 'ticket.breach.holder_nobody'));
  await sendNoticeOnce(
    ctx,
    ticket.id,
    'breach.supervisors',
    () =>
      alertSupervisors(
        ctx,
        ticket,
        (locale, region) => t(locale, 'ticket.breach.supervisors', { number: ticket.number, customer: customerLabel(ticket), level: ticket.serviceLevel, region, deadline, holder: holder(locale) }),
        `ticket ${ticket.number} breach`,
      ),
    { action: 'ticket.breached', detail: { number: ticket.number, from: ticket.status, to: ticket.status, restoreDeadline: ticket.restoreDeadline.toISOString() } },
  );
  const managerId = ticket.customer.accountManagerId;
  if (managerId) {
    await sendNoticeOnce(ctx, ticket.id, 'breach.manager', async () => {
      const locale = await localeOf(ctx, managerId);
      const text = t(locale, 'ticket.manager.breach', { customer: customerLabel(ticket), number: ticket.number, level: ticket.serviceLevel, deadline, holder: holder(locale) });
      return deliverMessage(ctx, { channel: managerId, text, blocks: [section(text)] }, `ticket ${ticket.number} breach`);
    });
  }
  // The channel message shows the breach too.
  await sendNoticeOnce(ctx, ticket.id, 'breach.message', () => refreshTicketMessage(ctx, ticket.id));
  // …and so do the Home tabs (the supervisors' list of breaches).
  await ctx.homes.refreshForTicket(ticket);
}

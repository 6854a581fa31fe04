// Fires 'ticket.unclaimed': a ticket nobody has claimed for a while is pinged again in
// its channel and to the region's supervisors — once per time it became claimable.
import { findTicketById } from '../../domain/tickets/find-ticket.ts';
import { announceTicketMessage } from '../../domain/tickets/ticket-announcements.ts';
import { dueSlaSteps } from '../../domain/tickets/sla-pings.ts';
import { minutesAfter, slaPlanOf } from '../../domain/tickets/ticket-timers.ts';
import { t } from '../../i18n/catalog.ts';
import { slackDate } from '../../slack/kit/slack-date.ts';
import { claimActions } from '../../slack/tickets/ticket-alert-buttons.ts';
import { section } from '../../slack/kit/text.ts';
import type { BotContext } from '../../slack/bot-context.ts';
import { deliverMessage } from '../../slack/deliver.ts';
import { sendNoticeOnce } from '../../slack/tickets/send-notice-once.ts';
import { alertSupervisors } from '../../slack/tickets/ticket-audiences.ts';
import { customerLabel } from '../../slack/tickets/ticket-words.ts';
import type { TimerHandler } from '../sweep-due-timers.ts';

export function ticketUnclaimedPings(ctx: BotContext): TimerHandler {
  return async (timer, now) => {
    const ticket = await findTicketById(ctx.db, timer.subjectId);
    if (!ticket || ticket.status !== 'open' || !ticket.unclaimedSince) return null;
    const minutes = ctx.config.tickets.unclaimedMinutes;
    const dueAt = minutesAfter(ticket.unclaimedSince, minutes);
    if (now < dueAt) return dueAt;
    // A ticket whose channel message never went out (Slack refused it for good, or the
    // outbox gave up) is posted again, with its Claim button, instead of being skipped.
    if (!ticket.messageTs) {
      await announceTicketMessage({ db: ctx.db, clock: { now: () => now } }, ticket.id);
      ctx.outbox.kick();
    }
    const params = {
      number: ticket.number,
      customer: customerLabel(ticket),
      level: ticket.serviceLevel,
      minutes: Math.round((now.getTime() - ticket.unclaimedSince.getTime()) / 60_000),
      deadline: slackDate(ticket.restoreDeadline, ctx.config.timezone),
    };
    const period = `unclaimed:${ticket.unclaimedSince.toISOString()}`;
    // Caught up late (the bot was down): an SLA ping that fell due since already tells the
    // channel nobody holds the ticket, and a breach escalation tells the supervisors —
    // one message per ticket and audience, not two.
    // (A paused clock sends no SLA pings, so nothing stands in for this one then.)
    const slaPingSince = !ticket.pausedSince && dueSlaSteps(slaPlanOf(ticket), ctx.config.tickets, dueAt, now).length > 0;
    const breached = now >= ticket.restoreDeadline;
    const channel = slaPingSince ? null : ticket.channelId;
    if (channel) {
      await sendNoticeOnce(ctx, ticket.id, `${period}:channel`, () => {
        const text = t(ctx.config.locale, 'ticket.unclaimed.channel', params);
        return deliverMessage(ctx, { channel, text, blocks: [section(text), claimActions(ctx.config.locale, ticket)] }, `ticket ${ticket.number} unclaimed`);
      });
    }
    if (!breached) {
      await sendNoticeOnce(ctx, ticket.id, `${period}:supervisors`, () =>
        alertSupervisors(ctx, ticket, (locale, region) => t(locale, 'ticket.unclaimed.supervisors', { ...params, region }), `ticket ${ticket.number} unclaimed`),
      );
    }
    return null;
  };
}

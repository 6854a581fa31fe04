// Fires a live-tracked ticket's 'ticket.inform_reminder' timer: when the customer has
// gone LIVE_TRACKING_INFORM_MINUTES without news (since the opening or the last
// "Customer informed"), the account manager is reminded once per period of silence;
// the timer then waits for the next period. "Customer informed" moves it (the domain
// reschedules it from that instant); a ticket no longer worked on needs nothing more.
import { findTicketById } from '../../domain/tickets/find-ticket.ts';
import { informReminderDue, isLiveTracked, silentSince } from '../../domain/tickets/live-tracking.ts';
import { t } from '../../i18n/catalog.ts';
import type { BotContext } from '../../slack/bot-context.ts';
import { sendNoticeOnce } from '../../slack/tickets/send-notice-once.ts';
import { tellPerson } from '../../slack/tickets/ticket-audiences.ts';
import { customerLabel } from '../../slack/tickets/ticket-words.ts';
import type { TimerHandler } from '../sweep-due-timers.ts';

export function ticketInformReminder(ctx: BotContext): TimerHandler {
  return async (timer, now) => {
    const ticket = await findTicketById(ctx.db, timer.subjectId);
    if (!ticket || !isLiveTracked(ticket, ctx.config.tickets)) return null;
    const managerId = ticket.customer.accountManagerId;
    if (!managerId) return null;
    const due = informReminderDue(silentSince(ticket), now, ctx.config.tickets.liveTracking.informMinutes);
    if (due.key) {
      await sendNoticeOnce(ctx, ticket.id, due.key, () =>
        tellPerson(ctx, managerId, (locale) => t(locale, 'ticket.live.reminder', { number: ticket.number, customer: customerLabel(ticket), minutes: due.silentMinutes }), `ticket ${ticket.number} inform reminder`),
      );
    }
    return due.next;
  };
}

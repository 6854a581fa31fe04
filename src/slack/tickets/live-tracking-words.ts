// "Customer last informed N min ago": the line the ticket message, the live DM and the
// Home show for a live-tracked ticket (src/domain/tickets/live-tracking.ts).
import { minutesSince } from '../../domain/tickets/live-tracking.ts';
import { t, type Locale, type Mrkdwn } from '../../i18n/catalog.ts';

export function informedLine(locale: Locale, ticket: { openedAt: Date; customerInformedAt: Date | null }, now: Date): Mrkdwn {
  return ticket.customerInformedAt
    ? t(locale, 'ticket.live.informed_ago', { minutes: minutesSince(ticket.customerInformedAt, now) })
    : t(locale, 'ticket.live.never_informed', { minutes: minutesSince(ticket.openedAt, now) });
}

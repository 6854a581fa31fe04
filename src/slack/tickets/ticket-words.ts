// Small pieces of ticket wording shared by the message, pings and notices.
import type { TicketRecord } from '../../domain/tickets/find-ticket.ts';
import type { TicketStatus } from '../../generated/prisma/enums.ts';
import { t, tPlain, type Locale } from '../../i18n/catalog.ts';
import { markup, mention, type Markup } from '../../i18n/mrkdwn.ts';
import { truncate } from '../kit/text.ts';

/** "C0001 Name" as text: escaped wherever it is filled into mrkdwn. */
export function customerLabel(ticket: Pick<TicketRecord, 'customer'>): string {
  return `${ticket.customer.code} ${truncate(ticket.customer.name, 60)}`;
}

/** A person as a mention; the bot and API callers by name. */
export function actorLabel(locale: Locale, actorId: string): Markup {
  if (actorId === 'system') return markup(t(locale, 'ticket.actor.system'));
  if (actorId.startsWith('api:')) return markup(t(locale, 'ticket.actor.api', { source: actorId.slice(4) || 'api' }));
  return mention(actorId);
}

/** A state in the reader's language, as text. */
export function statusLabel(locale: Locale, status: TicketStatus): string {
  return tPlain(locale, `ticket.status.${status}`);
}

export function windowHours(ticket: Pick<TicketRecord, 'windowMinutes'>): number {
  return Math.round((ticket.windowMinutes / 60) * 10) / 10;
}

/**
 * "3 h 15 min": a length of time such as a paused clock's, never negative. Whole minutes
 * rounded down, as every countdown: 1 h 59 min 40 s left is "1 h 59 min", never a
 * promised "2 h 0 min".
 */
export function durationText(locale: Locale, millis: number): string {
  const total = Math.max(0, Math.floor(millis / 60_000));
  return tPlain(locale, 'ticket.duration', { hours: Math.floor(total / 60), minutes: total % 60 });
}

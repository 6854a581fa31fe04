// Private answers to /ticket list, /ticket show, /ticket help, and the claimer's confirmation.
import type { AnyBlock } from '@slack/types';
import type { TicketDescription } from '../../domain/tickets/describe-ticket.ts';
import type { TicketPage, TicketListFilter } from '../../domain/tickets/list-tickets.ts';
import type { TicketEvent } from '../../domain/tickets/ticket-rules.ts';
import type { TicketSettings } from '../../config.ts';
import type { TicketStatus } from '../../generated/prisma/enums.ts';
import { t, tPlain, type Locale } from '../../i18n/catalog.ts';
import { joinMrkdwn, markup, md, mention } from '../../i18n/mrkdwn.ts';
import type { Reply } from '../edge/answer-privately.ts';
import { actorLabel, customerLabel, statusLabel } from './ticket-words.ts';
import { slackDate } from '../kit/slack-date.ts';
import { ticketMessage } from './ticket-message.ts';
import { context, header, section } from '../kit/text.ts';

/** What the engineer who claimed a ticket hears, from the button or from /ticket claim. */
export function claimedReply(locale: Locale, timezone: string, ticket: Parameters<typeof customerLabel>[0] & { number: string; restoreDeadline: Date }): Reply {
  return { text: t(locale, 'ticket.done.claimed', { number: ticket.number, customer: customerLabel(ticket), deadline: slackDate(ticket.restoreDeadline, timezone) }) };
}

export function ticketListReply(locale: Locale, timezone: string, filter: TicketListFilter, page: TicketPage): Reply {
  const title = filter.kind === 'customer' ? tPlain(locale, 'ticket.list.title.customer', { code: filter.code }) : tPlain(locale, `ticket.list.title.${filter.kind}`);
  const lines = page.items.map((ticket) =>
    t(locale, 'ticket.list.line', {
      number: ticket.number,
      code: ticket.customer.code,
      customer: ticket.customer.name,
      level: ticket.serviceLevel,
      status: ticket.claimerId ? markup(md`${statusLabel(locale, ticket.status)} ${mention(ticket.claimerId)}`) : statusLabel(locale, ticket.status),
      deadline: slackDate(ticket.restoreDeadline, timezone),
    }),
  );
  const footer = [t(locale, 'ticket.list.footer', { page: page.page, pages: page.pages, total: page.total })];
  if (page.page < page.pages) footer.push(t(locale, 'ticket.list.next', { filter: filter.kind === 'customer' ? filter.code : filter.kind, next: page.page + 1 }));
  const blocks: AnyBlock[] = [header(title), section(lines.length ? joinMrkdwn(lines, '\n') : t(locale, 'ticket.list.empty')), context(joinMrkdwn(footer, ' · '))];
  return { text: md`${title}: ${page.total}`, blocks };
}

const eventOfAction = (action: string): TicketEvent | null => (action.startsWith('ticket.') ? (action.slice('ticket.'.length) as TicketEvent) : null);

export function ticketShowReply(locale: Locale, timezone: string, now: Date, described: TicketDescription): Reply {
  const { ticket } = described;
  const message = ticketMessage(ticket, described.affectedCodes, { locale, timezone, now });
  const blocks = message.blocks.filter((block) => block.type !== 'actions');
  const history = described.history.flatMap((entry) => {
    const event = eventOfAction(entry.action);
    if (!event) return [];
    const states = entry.from && entry.to && entry.from !== entry.to ? ` (${statusLabel(locale, entry.from as TicketStatus)} → ${statusLabel(locale, entry.to as TicketStatus)})` : '';
    const line = md`• ${slackDate(entry.at, timezone)} — ${markup(t(locale, `ticket.event.${event}`, { to: entry.assignee ?? '' }))} — ${actorLabel(locale, entry.actorId)}${states}`;
    // A work-log note shows what was written.
    return [entry.note ? md`${markup(line)}: ${entry.note}` : line];
  });
  if (history.length) blocks.push(section(joinMrkdwn([t(locale, 'ticket.show.history'), ...history], '\n')));
  return { text: message.text, blocks };
}

export function ticketHelpReply(locale: Locale, settings: TicketSettings): Reply {
  const title = tPlain(locale, 'ticket.help.title');
  const sla = t(locale, 'ticket.help.sla', { reminders: settings.reminderMinutesLeft.join('/'), repeat: settings.overdueRepeatMinutes });
  return { text: md`${title}`, blocks: [header(title), section(t(locale, 'ticket.help.body')), context(sla)] };
}

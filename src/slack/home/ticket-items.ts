// Tickets on the Home, one line each: number, customer, level, status and the restore
// countdown ("1 h 20 min left" / "overdue by 35 min") as of the moment the Home is drawn.
// An unclaimed ticket carries the same Claim button (and handler) as its channel message.
import type { SectionBlock } from '@slack/types';
import { countdownTo } from '../../domain/home/countdown.ts';
import type { HomeTicket } from '../../domain/home/ticket-home.ts';
import { t, tPlain, type MessageKey } from '../../i18n/catalog.ts';
import { markup, md, mention, slackDate } from '../kit/mrkdwn.ts';
import { plainText, section } from '../kit/text.ts';
import { ticketIds } from '../ids.ts';
import type { Reader } from './home-items.ts';
import { informedLine } from '../tickets/live-tracking-words.ts';

/** "1 h 20 min left" as text. */
export function countdownText(reader: Reader, deadline: Date, now: Date): string {
  const left = countdownTo(deadline, now);
  const key: MessageKey = left.overdue ? 'home.ticket_overdue_by' : 'home.ticket_left';
  return tPlain(reader.locale, key, { hours: left.hours, minutes: left.minutes });
}

export function ticketBlock(reader: Reader, ticket: HomeTicket, now: Date, blockId: string, options: { showClaimer?: boolean; claimButton?: boolean; liveTracked?: boolean } = {}): SectionBlock {
  const line = t(reader.locale, 'home.ticket_item', {
    number: ticket.number,
    customer: ticket.customer.name,
    level: ticket.serviceLevel,
    status: tPlain(reader.locale, `ticket.status.${ticket.status}`),
    deadline: slackDate(ticket.restoreDeadline, reader.timeZone),
    countdown: countdownText(reader, ticket.restoreDeadline, now),
  });
  let shown = options.showClaimer && ticket.claimerId ? md`${markup(line)} · ${mention(ticket.claimerId)}` : line;
  // A live-tracked ticket (介入制) says how long the customer has waited for news.
  if (options.liveTracked) shown = md`${markup(shown)}\n${markup(informedLine(reader.locale, ticket, now))}`;
  const block: SectionBlock = { ...section(shown), block_id: blockId };
  if (options.claimButton) {
    block.accessory = { type: 'button', action_id: ticketIds.claim, value: ticket.id, style: 'primary', text: plainText(tPlain(reader.locale, 'ticket.button.claim'), 75) };
  }
  return block;
}

// Tickets on the Home, one line each: number, customer, level, status and the restore
// countdown ("1 h 20 min left" / "overdue by 35 min") as of the moment the Home is drawn.
// An unclaimed ticket carries the same Claim button (and handler) as its channel message.
import type { SectionBlock } from '@slack/types';
import { countdownTo } from '../../domain/home/countdown.ts';
import type { HomeTicket } from '../../domain/home/ticket-home.ts';
import { t, type MessageKey } from '../../i18n/catalog.ts';
import { escapeMrkdwn, slackDate } from '../blocks/mrkdwn.ts';
import { section } from '../blocks/text.ts';
import { ticketIds } from '../ids.ts';
import type { Reader } from './home-items.ts';

export function countdownText(reader: Reader, deadline: Date, now: Date): string {
  const left = countdownTo(deadline, now);
  const key: MessageKey = left.overdue ? 'home.ticket_overdue_by' : 'home.ticket_left';
  return t(reader.locale, key, { hours: left.hours, minutes: left.minutes });
}

export function ticketBlock(reader: Reader, ticket: HomeTicket, now: Date, blockId: string, options: { showClaimer?: boolean; claimButton?: boolean } = {}): SectionBlock {
  const line = t(reader.locale, 'home.ticket_item', {
    number: ticket.number,
    customer: escapeMrkdwn(ticket.customer.name),
    level: ticket.serviceLevel,
    status: t(reader.locale, `ticket.status.${ticket.status}`),
    deadline: slackDate(ticket.restoreDeadline, reader.timeZone),
    countdown: countdownText(reader, ticket.restoreDeadline, now),
  });
  const claimer = options.showClaimer && ticket.claimerId ? ` · <@${ticket.claimerId}>` : '';
  const block: SectionBlock = { ...section(`${line}${claimer}`), block_id: blockId };
  if (options.claimButton) {
    block.accessory = { type: 'button', action_id: ticketIds.claim, value: ticket.id, style: 'primary', text: { type: 'plain_text', text: t(reader.locale, 'ticket.button.claim') } };
  }
  return block;
}

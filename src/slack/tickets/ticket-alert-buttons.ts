// The buttons under a ping or an alert about a ticket, so whoever reads it can act
// where they are: in the ticket channel Claim (the very action of the ticket message,
// so the same "first one wins" rules hold) and, for supervisors, Reassign; both with a
// link to the ticket's message. The link is built from where the message lives — a
// Slack archive link needs no Web API call.
import type { ActionsBlock, Button } from '@slack/types';
import type { TicketRecord } from '../../domain/tickets/find-ticket.ts';
import { tPlain, type Locale } from '../../i18n/catalog.ts';
import { ticketIds } from '../ids.ts';
import { ticketButtons } from './ticket-message.ts';
import { plainText } from '../kit/text.ts';

type Located = Pick<TicketRecord, 'id' | 'channelId' | 'messageTs'>;

/** https://slack.com/archives/C…/p… — Slack opens it in the reader's workspace; null before the message is posted. */
export function ticketMessageUrl(ticket: Pick<TicketRecord, 'channelId' | 'messageTs'>): string | null {
  if (!ticket.channelId || !ticket.messageTs) return null;
  return `https://slack.com/archives/${ticket.channelId}/p${ticket.messageTs.replace('.', '')}`;
}

function openTicketButton(locale: Locale, ticket: Located): Button[] {
  const url = ticketMessageUrl(ticket);
  return url ? [{ type: 'button', action_id: ticketIds.openMessage, text: plainText(tPlain(locale, 'ticket.button.open'), 75), url }] : [];
}

/** Claim and Open ticket, under a ping to the ticket channel while nobody holds the ticket. */
export function claimActions(locale: Locale, ticket: Located): ActionsBlock {
  const claim = ticketButtons(locale, ticket.id, [{ actionId: ticketIds.claim, label: 'ticket.button.claim', style: 'primary' }]);
  return { type: 'actions', block_id: 'ticket_ping_actions', elements: [...claim, ...openTicketButton(locale, ticket)] };
}

/** Reassign and Open ticket, under an alert in a supervisors' channel. */
export function supervisorActions(locale: Locale, ticket: Located): ActionsBlock {
  const reassign = ticketButtons(locale, ticket.id, [{ actionId: ticketIds.reassign, label: 'ticket.button.reassign' }]);
  return { type: 'actions', block_id: 'ticket_alert_actions', elements: [...reassign, ...openTicketButton(locale, ticket)] };
}

// The claimer's "Mute pings 30 min / 1 h" buttons (under a countdown ping in their DM)
// and what they hear once the pings are muted.
import type { ActionsBlock } from '@slack/types';
import { t, type Locale } from '../../i18n/catalog.ts';
import type { Reply } from '../edge/answer-privately.ts';
import { ticketIds } from '../ids.ts';
import { slackDate } from '../kit/slack-date.ts';
import { ticketButtons } from './ticket-message.ts';

export function snoozeActions(locale: Locale, ticketId: string): ActionsBlock {
  return {
    type: 'actions',
    block_id: 'ticket_snooze',
    elements: ticketButtons(locale, ticketId, [
      { actionId: ticketIds.snooze30, label: 'ticket.button.snooze_30' },
      { actionId: ticketIds.snooze60, label: 'ticket.button.snooze_60' },
    ]),
  };
}

export function snoozedReply(locale: Locale, timezone: string, ticket: { number: string; restoreDeadline: Date }, until: Date): Reply {
  return { text: t(locale, 'ticket.snooze.done', { number: ticket.number, until: slackDate(until, timezone), deadline: slackDate(ticket.restoreDeadline, timezone) }) };
}

// What became of a ticket whose claimer was asked "still on it?": the words that take
// the question's place once the ticket was released (so its Yes / Release buttons do
// not linger), and the answer to a click on a question that has been overtaken.
import type { TicketRecord } from '../../domain/tickets/find-ticket.ts';
import { t, type Locale } from '../../i18n/catalog.ts';
import type { Reply } from '../edge/answer-privately.ts';
import { slackDate } from '../kit/slack-date.ts';
import { claimActions } from './ticket-alert-buttons.ts';
import { section } from '../kit/text.ts';
import { customerLabel, statusLabel } from './ticket-words.ts';

/**
 * The ticket as the asked claimer should now see it; null while the question still
 * stands (the ticket is claimed by them). `timezone` is the claimer's own.
 */
export function claimCheckAftermath(locale: Locale, timezone: string, ticket: TicketRecord, claimerId: string): Reply | null {
  const params = { number: ticket.number, customer: customerLabel(ticket) };
  if (ticket.status === 'open') {
    const text = t(locale, 'ticket.claim_check.released', { ...params, at: slackDate(ticket.unclaimedSince ?? ticket.updatedAt, timezone) });
    return { text, blocks: [section(text), claimActions(locale, ticket)] };
  }
  if (ticket.claimerId === claimerId && ticket.status === 'claimed') return null;
  const text =
    ticket.claimerId && ticket.claimerId !== claimerId && ticket.claimedAt
      ? t(locale, 'ticket.claim_check.now_held', { ...params, user: ticket.claimerId, since: slackDate(ticket.claimedAt, timezone) })
      : t(locale, 'ticket.claim_check.moved_on', { ...params, status: statusLabel(locale, ticket.status) });
  return { text, blocks: [section(text)] };
}

// Fires 'ticket.claim_check': a claimer who is not on site after a while is asked
// "still on it?" by DM; without an answer the ticket goes back to the channel and the
// supervisors are told.
import { releaseTicket } from '../../domain/tickets/release-ticket.ts';
import { findTicketById } from '../../domain/tickets/find-ticket.ts';
import { claimCheckNoticePrefix, markClaimCheckAsked } from '../../domain/tickets/ticket-notices.ts';
import { minutesAfter } from '../../domain/tickets/ticket-timers.ts';
import { DomainError } from '../../errors.ts';
import { t } from '../../i18n/catalog.ts';
import { slackDate } from '../../slack/kit/slack-date.ts';
import { ticketButtons } from '../../slack/tickets/ticket-message.ts';
import { section } from '../../slack/kit/text.ts';
import type { BotContext } from '../../slack/bot-context.ts';
import { deliverMessage } from '../../slack/deliver.ts';
import { ticketIds } from '../../slack/ids.ts';
import { localeOf } from '../../slack/locale.ts';
import { sendNoticeOnce } from '../../slack/tickets/send-notice-once.ts';
import { customerLabel } from '../../slack/tickets/ticket-words.ts';
import type { TimerHandler } from '../sweep-due-timers.ts';

export function ticketClaimChecks(ctx: BotContext): TimerHandler {
  // The question's once-only key is the timer's version: it survives a retry's new due
  // time and changes whenever a claim or a "still on it" schedules the next check.
  return async (timer, now) => {
    const ticket = await findTicketById(ctx.db, timer.subjectId);
    if (!ticket || ticket.status !== 'claimed' || !ticket.claimerId || !ticket.claimedAt) return null;
    const answerMinutes = ctx.config.tickets.staleClaimAnswerMinutes;
    const claimerId = ticket.claimerId;

    if (!ticket.claimCheckAskedAt) {
      await sendNoticeOnce(ctx, ticket.id, `${claimCheckNoticePrefix}${timer.version}`, async () => {
        const locale = await localeOf(ctx, claimerId);
        const text = t(locale, 'ticket.claim_check.question', {
          number: ticket.number,
          customer: customerLabel(ticket),
          since: slackDate(ticket.claimedAt!, ctx.config.timezone),
          minutes: answerMinutes,
        });
        const buttons = ticketButtons(locale, ticket.id, [
          { actionId: ticketIds.stillOnIt, label: 'ticket.button.still_on_it', style: 'primary' },
          { actionId: ticketIds.checkRelease, label: 'ticket.button.release_now' },
        ]);
        return deliverMessage(ctx, { channel: claimerId, text, blocks: [section(text), { type: 'actions', block_id: 'ticket_claim_check', elements: buttons }] }, `ticket ${ticket.number} claim check`);
      });
      await markClaimCheckAsked(ctx.db, ticket.id, claimerId, now);
      return minutesAfter(now, answerMinutes);
    }

    const releaseAt = minutesAfter(ticket.claimCheckAskedAt, answerMinutes);
    if (now < releaseAt) return releaseAt;
    try {
      await releaseTicket(ctx, { ticket: ticket.id, actorId: 'system', automatic: true });
      ctx.outbox.kick();
    } catch (error) {
      // The claimer moved on (on site, released, restored) just now: nothing to do.
      if (!(error instanceof DomainError)) throw error;
    }
    return null;
  };
}

// The claimer's answer to "still on it?": yes keeps the ticket (the check starts again),
// release gives it back; the question is replaced by the outcome. A click on a question
// that was overtaken — the ticket released meanwhile, reassigned, restored — is
// answered with what happened instead of a refusal.
import { DomainError } from '../../errors.ts';
import { confirmClaim } from '../../domain/tickets/confirm-claim.ts';
import { findTicketById } from '../../domain/tickets/find-ticket.ts';
import { releaseTicket } from '../../domain/tickets/release-ticket.ts';
import { t } from '../../i18n/catalog.ts';
import type { BotContext } from '../bot-context.ts';
import { timeZoneOf } from '../time-zone.ts';
import type { ActionOutcome } from '../edge/answer-about-ticket.ts';
import { claimCheckAftermath } from './claim-check-aftermath.ts';
import { statusLabel } from './ticket-words.ts';

export type ClaimCheckAnswer = 'still_on_it' | 'release';

/** Refusals that mean "this question is no longer yours to answer". */
const overtaken = new Set(['ticket_not_your_claim', 'ticket_wrong_state', 'ticket_step_not_allowed']);

export async function answerClaimCheck(ctx: BotContext, input: { ticketId: string; userId: string; answer: ClaimCheckAnswer }): Promise<ActionOutcome> {
  const ref = { ticket: input.ticketId, actorId: input.userId };
  try {
    const change = input.answer === 'still_on_it' ? await confirmClaim(ctx, ref) : await releaseTicket(ctx, ref);
    ctx.outbox.kick();
    const { number, status } = change.ticket;
    return {
      replaceOriginal: true,
      reply: (locale) => ({
        text: input.answer === 'still_on_it' ? t(locale, 'ticket.claim_check.thanks', { number }) : t(locale, 'ticket.done.step', { number, status: statusLabel(locale, status) }),
      }),
    };
  } catch (error) {
    if (!(error instanceof DomainError) || !overtaken.has(error.code)) throw error;
    const ticket = await findTicketById(ctx.db, input.ticketId);
    if (!ticket) throw error;
    const timezone = await timeZoneOf(ctx, input.userId);
    if (!claimCheckAftermath(ctx.config.locale, timezone, ticket, input.userId)) throw error;
    return { replaceOriginal: true, reply: (locale) => claimCheckAftermath(locale, timezone, ticket, input.userId)! };
  }
}

// /ticket major NUMBER [CUSTOMER …] — mark a major fault, link the other affected
// customers, escalate at once.
import { markTicketMajor } from '../../../src/domain/tickets/mark-ticket-major.ts';
import { t } from '../../../src/i18n/catalog.ts';
import type { Subcommand } from '../../subcommand.ts';

export const ticketMajor: Subcommand = async (ctx, { userId, args, locale }) => {
  const [ref, ...codes] = args;
  if (!ref) return { text: t(locale, 'ticket.usage.major') };
  const fault = await markTicketMajor(ctx, { ticket: ref, actorId: userId, customerCodes: codes });
  ctx.outbox.kick();
  return { text: t(locale, 'ticket.done.major', { number: fault.ticket.number, count: fault.newlyAffected.length }) };
};

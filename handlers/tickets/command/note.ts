// /ticket note NUMBER TEXT… — a line in the ticket's work log (its thread and history);
// /ticket snooze NUMBER 30m|1h — the claimer mutes its countdown pings for a while.
import { addTicketNote } from '../../../src/domain/tickets/add-ticket-note.ts';
import { snoozeTicketPings, type SnoozeMinutes } from '../../../src/domain/tickets/snooze-ticket-pings.ts';
import { t } from '../../../src/i18n/catalog.ts';
import { snoozedReply } from '../../../src/slack/tickets/snooze-buttons.ts';
import type { Subcommand } from '../../subcommand.ts';

export const ticketNote: Subcommand = async (ctx, { userId, args, text, locale }) => {
  const [ref] = args;
  // The note as typed, line breaks kept: everything after "note NUMBER".
  const note = ref ? text.replace(/^\S+\s+\S+/, '').trim() : '';
  if (!ref || !note) return { text: t(locale, 'ticket.usage.note') };
  const added = await addTicketNote(ctx, { ticket: ref, actorId: userId, text: note });
  ctx.outbox.kick();
  return { text: t(locale, 'ticket.note.added', { number: added.ticket.number }) };
};

const snoozeWords: Record<string, SnoozeMinutes> = { '30m': 30, '30': 30, '30min': 30, '1h': 60, '60': 60, '60m': 60, '60min': 60 };

export const ticketSnooze: Subcommand = async (ctx, { userId, args, locale }) => {
  const [ref, length = '30m'] = args;
  const minutes = Object.hasOwn(snoozeWords, length.toLowerCase()) ? snoozeWords[length.toLowerCase()] : undefined;
  if (!ref || !minutes || args.length > 2) return { text: t(locale, 'ticket.usage.snooze') };
  const snoozed = await snoozeTicketPings(ctx, { ticket: ref, actorId: userId, minutes });
  ctx.outbox.kick();
  return snoozedReply(locale, ctx.config.timezone, snoozed.ticket, snoozed.until);
};

// Deliverers of a ticket's work log (src/domain/tickets/add-ticket-note.ts) and of the
// link back to the message a ticket was opened from (message shortcut): both are lines
// in the ticket's thread, in the bot's language (many people read it).
import { findTicketById } from '../../domain/tickets/find-ticket.ts';
import { ticketAnnouncementKinds, type TicketNoteFacts, type TicketSourceMessage } from '../../domain/tickets/ticket-announcements.ts';
import { t } from '../../i18n/catalog.ts';
import type { BotContext } from '../bot-context.ts';
import { deliverMessage } from '../deliver.ts';
import { slackDate } from '../kit/slack-date.ts';
import { section } from '../kit/text.ts';
import type { Deliverer } from '../outbox/outbox-sweep.ts';
import { SlackDeliveryError } from '../sender.ts';

async function postInThread(ctx: BotContext, ticketId: string, text: ReturnType<typeof t>, context: string): Promise<void> {
  const ticket = await findTicketById(ctx.db, ticketId);
  // The ticket message is posted first (announcements of one ticket go out in order).
  if (!ticket?.channelId || !ticket.messageTs) return;
  await deliverMessage(ctx, { channel: ticket.channelId, threadTs: ticket.messageTs, text, blocks: [section(text)] }, `ticket ${ticket.number} ${context}`);
}

/** The message's link from Slack; null when Slack refuses for good (the message was deleted, the bot cannot see it). */
async function permalinkOf(ctx: BotContext, source: TicketSourceMessage): Promise<string | null> {
  try {
    return (await ctx.sender.permalink({ channel: source.channelId, ts: source.messageTs })) || null;
  } catch (error) {
    if (error instanceof SlackDeliveryError && error.permanent) return null;
    throw error;
  }
}

export function workLogDeliverers(ctx: BotContext): Record<string, Deliverer> {
  return {
    [ticketAnnouncementKinds.note]: async ({ payload }) => {
      const facts = payload as TicketNoteFacts;
      const text = t(ctx.config.locale, 'ticket.note.thread', { actor: facts.actorId, at: slackDate(new Date(facts.at), ctx.config.timezone), text: facts.text });
      await postInThread(ctx, facts.ticketId, text, 'note');
    },
    [ticketAnnouncementKinds.fromMessage]: async ({ payload }) => {
      const source = payload as TicketSourceMessage & { ticketId: string };
      const link = await permalinkOf(ctx, source);
      const locale = ctx.config.locale;
      await postInThread(ctx, source.ticketId, link ? t(locale, 'ticket.from_message.thread', { link }) : t(locale, 'ticket.from_message.not_found'), 'source message');
    },
  };
}

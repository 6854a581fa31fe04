// The words around a pause request or a resume: the requester's note and the resumer's answer.
import type { TicketRecord } from '../../domain/tickets/find-ticket.ts';
import { t, type Locale, type Mrkdwn } from '../../i18n/catalog.ts';
import { slackDate } from '../kit/slack-date.ts';
import type { BotContext } from '../bot-context.ts';
import { durationText } from './ticket-words.ts';

/** "Your request has gone to the supervisors of Beijing", for the requester. */
export async function slaPauseRequestedText(ctx: BotContext, locale: Locale, ticket: TicketRecord): Promise<Mrkdwn> {
  const region = await ctx.db.region.findUnique({ where: { code: ticket.regionCode }, select: { name: true } });
  return t(locale, 'ticket.pause.requested', { number: ticket.number, region: region?.name ?? ticket.regionCode });
}

/** "The clock runs again after 0 h 45 min paused", for whoever resumed it. */
export function slaResumedText(locale: Locale, timezone: string, ticket: TicketRecord, pausedFor: number): Mrkdwn {
  return t(locale, 'ticket.pause.resumed', { number: ticket.number, paused: durationText(locale, pausedFor), deadline: slackDate(ticket.restoreDeadline, timezone) });
}

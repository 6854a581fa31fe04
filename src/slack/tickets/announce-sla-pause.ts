// What follows a pause request or a resume once the database holds it: the request goes
// to the supervisors (if that post fails, the approval's reminder posts it later), and
// the ticket message shows the pending request, the pause, or the moved deadline.
import type { SlaPauseRequested } from '../../domain/tickets/request-sla-pause.ts';
import type { TicketRecord } from '../../domain/tickets/find-ticket.ts';
import { t, type Locale, type Mrkdwn } from '../../i18n/catalog.ts';
import { announceApproval } from '../approvals/publish-approval.ts';
import { slackDate } from '../blocks/slack-date.ts';
import type { BotContext } from '../bot-context.ts';
import { bestEffort } from './best-effort.ts';
import { refreshTicketMessage } from './refresh-ticket-message.ts';
import { durationText } from './ticket-words.ts';

export async function announceSlaPauseRequested(ctx: BotContext, requested: SlaPauseRequested): Promise<void> {
  await bestEffort(ctx, 'pause approval', () => announceApproval(ctx, requested.approvalId));
  await bestEffort(ctx, 'ticket message', () => refreshTicketMessage(ctx, requested.ticket.id));
}

export async function announceSlaResumed(ctx: BotContext, ticket: TicketRecord): Promise<void> {
  await bestEffort(ctx, 'ticket message', () => refreshTicketMessage(ctx, ticket.id));
}

/** "Your request has gone to the supervisors of Beijing", for the requester. */
export async function slaPauseRequestedText(ctx: BotContext, locale: Locale, ticket: TicketRecord): Promise<Mrkdwn> {
  const region = await ctx.db.region.findUnique({ where: { code: ticket.regionCode }, select: { name: true } });
  return t(locale, 'ticket.pause.requested', { number: ticket.number, region: region?.name ?? ticket.regionCode });
}

/** "The clock runs again after 0 h 45 min paused", for whoever resumed it. */
export function slaResumedText(locale: Locale, timezone: string, ticket: TicketRecord, pausedFor: number): Mrkdwn {
  return t(locale, 'ticket.pause.resumed', { number: ticket.number, paused: durationText(locale, pausedFor), deadline: slackDate(ticket.restoreDeadline, timezone) });
}

// Messages about one ticket to the people around it: the history line in the ticket's
// thread, the account manager's notice, and posts to the region's supervisors.
import type { TicketRecord } from '../../domain/tickets/find-ticket.ts';
import type { TicketChange } from '../../domain/tickets/take-ticket-step.ts';
import type { TicketEvent } from '../../domain/tickets/ticket-rules.ts';
import { t, tPlain, type Locale, type Mrkdwn } from '../../i18n/catalog.ts';
import { joinMrkdwn, markup, md, mentions, userGroupMention, type Markup } from '../../i18n/mrkdwn.ts';
import { supervisorActions } from './ticket-alert-buttons.ts';
import { slackDate } from '../kit/slack-date.ts';
import { section } from '../kit/text.ts';
import type { BotContext } from '../bot-context.ts';
import { deliverMessage } from '../deliver.ts';
import { localeOf } from '../locale.ts';
import { actorLabel, customerLabel, statusLabel } from './ticket-words.ts';

export function eventLabel(locale: Locale, event: TicketEvent, ticket: Pick<TicketRecord, 'claimerId'>): Markup {
  return markup(t(locale, `ticket.event.${event}`, { to: ticket.claimerId ?? '' }));
}

/** One line in the ticket's thread: what happened, who, when, from which state. */
export async function postHistory(ctx: BotContext, change: TicketChange): Promise<void> {
  const { ticket } = change;
  if (!ticket.channelId || !ticket.messageTs) return;
  const locale = ctx.config.locale;
  const lines = [
    t(locale, 'ticket.history.line', {
      event: eventLabel(locale, change.event, ticket),
      actor: actorLabel(locale, change.actorId),
      at: slackDate(change.at, ctx.config.timezone),
      from: statusLabel(locale, change.from),
      to: statusLabel(locale, ticket.status),
    }),
  ];
  const detail = (label: 'ticket.history.cause' | 'ticket.history.action' | 'ticket.history.reason', value: string | null) => {
    if (value) lines.push(t(locale, 'ticket.history.detail', { label: tPlain(locale, label), value }));
  };
  if (change.event === 'restored') {
    detail('ticket.history.cause', ticket.restoreCause);
    detail('ticket.history.action', ticket.restoreAction);
  }
  if (change.event === 'cancelled') detail('ticket.history.reason', ticket.cancelReason);
  const text = joinMrkdwn(lines, '\n');
  await deliverMessage(ctx, { channel: ticket.channelId, threadTs: ticket.messageTs, text, blocks: [section(text)] }, `ticket ${ticket.number} history`);
}

/** Tells the customer's account manager, in their language. */
export async function notifyManager(ctx: BotContext, ticket: TicketRecord, event: TicketEvent, actorId: string): Promise<void> {
  const managerId = ticket.customer.accountManagerId;
  if (!managerId) return;
  const locale = await localeOf(ctx, managerId);
  const text = t(locale, 'ticket.manager.notice', {
    customer: customerLabel(ticket),
    number: ticket.number,
    level: ticket.serviceLevel,
    event: eventLabel(locale, event, ticket),
    actor: actorLabel(locale, actorId),
    status: statusLabel(locale, ticket.status),
    deadline: slackDate(ticket.restoreDeadline, ctx.config.timezone),
  });
  await deliverMessage(ctx, { channel: managerId, text, blocks: [section(text)] }, `ticket ${ticket.number} manager notice`);
}

/** Posts to a region's supervisors' channel (in the bot's language: many people read it). */
export async function tellSupervisors(ctx: BotContext, regionCode: string, compose: (locale: Locale, regionName: string) => Mrkdwn, context: string) {
  const region = await ctx.db.region.findUnique({ where: { code: regionCode } });
  if (!region?.supervisorChannelId) return null;
  const text = compose(ctx.config.locale, region.name);
  return deliverMessage(ctx, { channel: region.supervisorChannelId, text, blocks: [section(text)] }, context);
}

/** Who an alert in a supervisors' channel calls: the configured user group, else the region's supervisors. */
export function supervisorsToCall(group: string | undefined, supervisorIds: readonly string[]): Markup | null {
  if (group) return userGroupMention(group);
  return supervisorIds.length > 0 ? mentions(supervisorIds, ' ') : null;
}

/**
 * An alert about a ticket that needs a supervisor (breach, still unclaimed, released):
 * it mentions them (SUPERVISOR_MENTION or the region's supervisors from the directory)
 * and carries Reassign and Open ticket.
 */
export async function alertSupervisors(ctx: BotContext, ticket: TicketRecord, compose: (locale: Locale, regionName: string) => Mrkdwn, context: string) {
  const region = await ctx.db.region.findUnique({ where: { code: ticket.regionCode } });
  if (!region?.supervisorChannelId) return null;
  const group = ctx.config.tickets.supervisorMention;
  const supervisors = group
    ? []
    : await ctx.db.staff.findMany({ where: { active: true, role: 'supervisor', regionCode: ticket.regionCode }, select: { slackUserId: true }, orderBy: { slackUserId: 'asc' }, take: 20 });
  const who = supervisorsToCall(group, supervisors.map((s) => s.slackUserId));
  const locale = ctx.config.locale;
  const alert = compose(locale, region.name);
  const text = who ? md`${who} ${markup(alert)}` : alert;
  return deliverMessage(ctx, { channel: region.supervisorChannelId, text, blocks: [section(text), supervisorActions(locale, ticket)] }, context);
}

/** A direct message in the recipient's language. */
export async function tellPerson(ctx: BotContext, userId: string, compose: (locale: Locale) => Mrkdwn, context: string) {
  const text = compose(await localeOf(ctx, userId));
  return deliverMessage(ctx, { channel: userId, text, blocks: [section(text)] }, context);
}

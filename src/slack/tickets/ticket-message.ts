// The ticket's message in its region's ticket channel: who, what, how urgent, who has
// it, and the buttons for the next steps. Rebuilt from the ticket at every change and
// put in place with chat.update (src/slack/tickets/refresh-ticket-message.ts).
import type { ActionsBlock, AnyBlock, Button, SectionBlock } from '@slack/types';
import type { TicketRecord } from '../../domain/tickets/find-ticket.ts';
import { pingsMutedUntil } from '../../domain/tickets/snooze-ticket-pings.ts';
import { activeStatuses } from '../../domain/tickets/ticket-rules.ts';
import type { TicketStatus } from '../../generated/prisma/enums.ts';
import { t, tPlain, type Locale, type MessageKey, type Mrkdwn } from '../../i18n/catalog.ts';
import { joinMrkdwn, markup, md, mention } from '../../i18n/mrkdwn.ts';
import { ticketIds } from '../ids.ts';
import { actorLabel, customerLabel, durationText, statusLabel, windowHours } from './ticket-words.ts';
import { slackCountdown, slackDate } from '../kit/slack-date.ts';
import { context, header, mrkdwnText, plainText, section } from '../kit/text.ts';
import { maskOptional } from '../../domain/privacy/mask-number.ts';
import { maskedLine } from '../privacy/reveal-button.ts';
import { informedLine } from './live-tracking-words.ts';

/** liveTracked: the customer's manager tracks it live (介入制), so the message says when the customer last heard. */
export type TicketView = { locale: Locale; timezone: string; now: Date; liveTracked?: boolean };

type ButtonSpec = { actionId: string; label: MessageKey; style?: 'primary' | 'danger' };

const buttonsByStatus: Record<TicketStatus, ButtonSpec[]> = {
  open: [{ actionId: ticketIds.claim, label: 'ticket.button.claim', style: 'primary' }, { actionId: ticketIds.major, label: 'ticket.button.major' }],
  claimed: [
    { actionId: ticketIds.onSite, label: 'ticket.button.on_site' },
    { actionId: ticketIds.restore, label: 'ticket.button.restore', style: 'primary' },
    { actionId: ticketIds.release, label: 'ticket.button.release' },
    { actionId: ticketIds.major, label: 'ticket.button.major' },
  ],
  on_site: [
    { actionId: ticketIds.restore, label: 'ticket.button.restore', style: 'primary' },
    { actionId: ticketIds.release, label: 'ticket.button.release' },
    { actionId: ticketIds.major, label: 'ticket.button.major' },
  ],
  restored: [{ actionId: ticketIds.close, label: 'ticket.button.close', style: 'primary' }],
  closed: [],
  cancelled: [],
};

/** Pause while the clock runs and nothing is pending; Resume while it stands still. */
function clockButtons(ticket: TicketRecord): ButtonSpec[] {
  if (!activeStatuses.includes(ticket.status)) return [];
  if (ticket.pausedSince) return [{ actionId: ticketIds.resume, label: 'ticket.button.resume' }];
  return ticket.pauseRequestId === null ? [{ actionId: ticketIds.pause, label: 'ticket.button.pause' }] : [];
}

/** The work log stays open until the ticket is closed or cancelled. */
const noteButtons = (ticket: TicketRecord): ButtonSpec[] =>
  ticket.status === 'closed' || ticket.status === 'cancelled' ? [] : [{ actionId: ticketIds.addNote, label: 'ticket.button.add_note' }];

export function ticketButtons(locale: Locale, ticketId: string, specs: ButtonSpec[]): Button[] {
  return specs.map((spec) => ({
    type: 'button',
    action_id: spec.actionId,
    text: plainText(tPlain(locale, spec.label), 75),
    value: ticketId,
    ...(spec.style ? { style: spec.style } : {}),
  }));
}

export function statusField(ticket: TicketRecord, view: TicketView): Mrkdwn {
  const { locale, timezone } = view;
  let text = md`${statusLabel(locale, ticket.status)}`;
  if (ticket.status === 'claimed' && ticket.claimerId && ticket.claimedAt) {
    text = t(locale, 'ticket.holder.claimed', { user: ticket.claimerId, since: slackDate(ticket.claimedAt, timezone) });
  } else if (ticket.status === 'on_site' && ticket.claimerId && ticket.onSiteAt) {
    text = t(locale, 'ticket.holder.on_site', { user: ticket.claimerId, since: slackDate(ticket.onSiteAt, timezone) });
  }
  return t(locale, 'ticket.field.status', { status: markup(text) });
}

export function deadlineField(ticket: TicketRecord, view: TicketView): Mrkdwn {
  const { locale, timezone, now } = view;
  const deadline = slackDate(ticket.restoreDeadline, timezone);
  if (ticket.restoredAt) {
    const late = ticket.restoredAt > ticket.restoreDeadline;
    return t(locale, late ? 'ticket.field.restored_late' : 'ticket.field.restored_in_time', { at: slackDate(ticket.restoredAt, timezone), deadline });
  }
  if (ticket.pausedSince && activeStatuses.includes(ticket.status)) {
    // The deadline is not fixed while the clock stands still: what is left is.
    const left = durationText(locale, ticket.restoreDeadline.getTime() - ticket.pausedSince.getTime());
    return t(locale, 'ticket.field.deadline_paused', { since: slackDate(ticket.pausedSince, timezone), left });
  }
  if (ticket.status !== 'cancelled' && now >= ticket.restoreDeadline) return t(locale, 'ticket.field.deadline_breached', { deadline });
  return t(locale, 'ticket.field.deadline', { deadline, countdown: slackCountdown(ticket.restoreDeadline, timezone) });
}

export function ticketMessage(ticket: TicketRecord, affectedCodes: string[], view: TicketView): { text: Mrkdwn; blocks: AnyBlock[] } {
  const { locale, timezone } = view;
  const fields: SectionBlock['fields'] = [
    t(locale, 'ticket.field.customer', { code: ticket.customer.code, name: ticket.customer.name }),
    // The customer's own account manager, mentioned: the engineer knows whom to call, and the manager is in the loop.
    ticket.customer.accountManagerId ? t(locale, 'ticket.field.manager', { manager: mention(ticket.customer.accountManagerId) }) : t(locale, 'ticket.field.manager_none'),
    t(locale, 'ticket.field.level', { level: ticket.serviceLevel, hours: windowHours(ticket), scope: tPlain(locale, `ticket.scope.${ticket.scope}`) }),
    t(locale, 'ticket.field.service', { service: tPlain(locale, `ticket.service.${ticket.serviceType}`) }),
    statusField(ticket, view),
    deadlineField(ticket, view),
  ].map((text) => mrkdwnText(text, 2000));

  const blocks: AnyBlock[] = [header(tPlain(locale, 'ticket.msg.header', { number: ticket.number, customer: ticket.customer.name })), { type: 'section', fields }];
  if (ticket.major) {
    blocks.push(section(affectedCodes.length ? t(locale, 'ticket.msg.major', { customers: affectedCodes.join(', ') }) : t(locale, 'ticket.msg.major_alone')));
  }
  blocks.push(section(t(locale, 'ticket.msg.description', { description: ticket.description })));
  if (ticket.restoreCause) blocks.push(section(t(locale, 'ticket.msg.restore_note', { cause: ticket.restoreCause, action: ticket.restoreAction ?? '' })));
  if (ticket.cancelReason) blocks.push(section(t(locale, 'ticket.msg.cancelled', { reason: ticket.cancelReason })));

  // A channel has many readers: the phone is always masked here; its handlers reveal it privately.
  const contact = [ticket.contactName, maskOptional(ticket.contactPhone)].filter(Boolean).join(' ');
  const footer = [t(locale, 'ticket.msg.opened', { opener: actorLabel(locale, ticket.openedById), at: slackDate(ticket.openedAt, timezone) })];
  if (contact && !ticket.contactPhone) footer.push(t(locale, 'ticket.msg.contact', { contact }));
  blocks.push(context(joinMrkdwn(footer, ' · ')));
  if (contact && ticket.contactPhone) blocks.push(maskedLine(locale, t(locale, 'ticket.msg.contact', { contact }), { kind: 'ticket', id: ticket.id }));
  if (view.liveTracked) blocks.push(context(informedLine(locale, ticket, view.now)));

  if (ticket.pauseRequestId !== null && activeStatuses.includes(ticket.status)) blocks.push(context(t(locale, 'ticket.msg.pause_pending')));
  const mutedUntil = pingsMutedUntil(ticket, view.now);
  if (mutedUntil && ticket.pingsMutedById) blocks.push(context(t(locale, 'ticket.msg.snoozed', { user: ticket.pingsMutedById, until: slackDate(mutedUntil, timezone) })));

  const buttons = ticketButtons(locale, ticket.id, [...buttonsByStatus[ticket.status], ...clockButtons(ticket), ...noteButtons(ticket)]);
  if (buttons.length > 0) blocks.push({ type: 'actions', block_id: 'ticket_actions', elements: buttons } satisfies ActionsBlock);

  const text = t(locale, 'ticket.msg.text', {
    number: ticket.number,
    customer: customerLabel(ticket),
    status: statusLabel(locale, ticket.status),
    deadline: slackDate(ticket.restoreDeadline, timezone),
  });
  return { text, blocks };
}

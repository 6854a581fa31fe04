// The account manager's live DM about a diamond (or AAA) customer's ticket (介入制): one
// message per ticket, rebuilt at every step and countdown ping and put in place with
// chat.update, so the manager sees the ticket live instead of a stream of messages.
import type { ActionsBlock, AnyBlock } from '@slack/types';
import type { TicketRecord } from '../../domain/tickets/find-ticket.ts';
import { customerInformedAction } from '../../domain/tickets/live-tracking.ts';
import type { TicketEvent } from '../../domain/tickets/ticket-rules.ts';
import { activeStatuses } from '../../domain/tickets/ticket-rules.ts';
import { maskOptional } from '../../domain/privacy/mask-number.ts';
import { t, tPlain, type Locale, type Mrkdwn } from '../../i18n/catalog.ts';
import { joinMrkdwn, markup } from '../../i18n/mrkdwn.ts';
import { ticketIds } from '../ids.ts';
import { slackDate } from '../kit/slack-date.ts';
import { context, header, mrkdwnText, plainText, section } from '../kit/text.ts';
import { maskedLine } from '../privacy/reveal-button.ts';
import { informedLine } from './live-tracking-words.ts';
import { deadlineField, statusField } from './ticket-message.ts';
import { actorLabel, customerLabel, statusLabel } from './ticket-words.ts';

export type LiveStep = { at: Date; action: string; actorId: string; assignee: string | null };

const stepsShown = 15;

function stepLine(locale: Locale, timezone: string, step: LiveStep): Mrkdwn | null {
  let event: Mrkdwn;
  if (step.action === customerInformedAction) event = t(locale, 'ticket.live.step_informed');
  else if (step.action.startsWith('ticket.') && step.action !== 'ticket.claim_confirmed') {
    event = t(locale, `ticket.event.${step.action.slice('ticket.'.length) as TicketEvent}`, { to: step.assignee ?? '' });
  } else return null;
  return t(locale, 'ticket.live.step_line', { at: slackDate(step.at, timezone), event: markup(event), actor: actorLabel(locale, step.actorId) });
}

export function liveTrackingMessage(ticket: TicketRecord, steps: LiveStep[], view: { locale: Locale; timezone: string; now: Date }): { text: Mrkdwn; blocks: AnyBlock[] } {
  const { locale, timezone, now } = view;
  const active = activeStatuses.includes(ticket.status);
  const ticketView = { locale, timezone, now };
  const blocks: AnyBlock[] = [
    header(tPlain(locale, 'ticket.live.header', { number: ticket.number, customer: ticket.customer.name })),
    section(active ? t(locale, 'ticket.live.intro') : t(locale, 'ticket.live.ended', { status: statusLabel(locale, ticket.status) })),
    { type: 'section', fields: [statusField(ticket, ticketView), deadlineField(ticket, ticketView)].map((text) => mrkdwnText(text, 2000)) },
  ];
  if (ticket.contactPhone) {
    const contact = [ticket.contactName, maskOptional(ticket.contactPhone)].filter(Boolean).join(' ');
    blocks.push(maskedLine(locale, t(locale, 'ticket.msg.contact', { contact }), { kind: 'ticket', id: ticket.id }));
  }
  if (active) blocks.push(context(informedLine(locale, ticket, now)));
  const lines = steps.map((step) => stepLine(locale, timezone, step)).filter((line): line is Mrkdwn => line !== null).slice(-stepsShown);
  if (lines.length > 0) blocks.push(section(t(locale, 'ticket.live.steps', { lines: markup(joinMrkdwn(lines, '\n')) })));
  if (active) {
    blocks.push({
      type: 'actions',
      block_id: 'ticket_live_actions',
      elements: [{ type: 'button', action_id: ticketIds.customerInformed, style: 'primary', text: plainText(tPlain(locale, 'ticket.live.button.informed'), 75), value: ticket.id }],
    } satisfies ActionsBlock);
  }
  const text = t(locale, 'ticket.live.text', { number: ticket.number, customer: customerLabel(ticket), status: statusLabel(locale, ticket.status) });
  return { text, blocks };
}

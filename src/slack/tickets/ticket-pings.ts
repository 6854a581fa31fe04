// The SLA countdown ping: the newest step that fell due says how urgent it is; when
// the bot was down and several steps fell due, this one message stands for all of them.
import type { TicketRecord } from '../../domain/tickets/find-ticket.ts';
import type { SlaStep } from '../../domain/tickets/sla-pings.ts';
import { t, type Locale, type Mrkdwn } from '../../i18n/catalog.ts';
import { joinMrkdwn } from '../../i18n/mrkdwn.ts';
import { customerLabel, windowHours } from './ticket-words.ts';
import { slackCountdown, slackDate } from '../kit/slack-date.ts';

export function slaPingText(locale: Locale, timezone: string, ticket: TicketRecord, due: SlaStep[], unclaimed: boolean): Mrkdwn {
  const latest = due.at(-1)!;
  const base = {
    number: ticket.number,
    customer: customerLabel(ticket),
    deadline: slackDate(ticket.restoreDeadline, timezone),
    countdown: slackCountdown(ticket.restoreDeadline, timezone),
    hours: windowHours(ticket),
  };
  const lines: Mrkdwn[] = [];
  switch (latest.kind) {
    case 'half':
      lines.push(t(locale, 'ticket.ping.half', base));
      break;
    case 'left':
      lines.push(t(locale, 'ticket.ping.left', { ...base, minutes: latest.minutesLeft }));
      break;
    case 'breach':
      lines.push(t(locale, 'ticket.ping.breach', base));
      break;
    case 'overdue':
      lines.push(t(locale, 'ticket.ping.overdue', { ...base, minutes: latest.minutesOver }));
      break;
  }
  if (unclaimed) lines.push(t(locale, 'ticket.ping.unclaimed'));
  if (due.length > 1) lines.push(t(locale, 'ticket.ping.catch_up', { count: due.length }));
  return joinMrkdwn(lines, '\n');
}

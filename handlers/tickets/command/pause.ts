// /ticket pause NUMBER REASON… asks the region's supervisors to pause the restore clock;
// /ticket resume NUMBER ends an approved pause. Both answer privately.
import { requestSlaPause } from '../../../src/domain/tickets/request-sla-pause.ts';
import { resumeSlaClock } from '../../../src/domain/tickets/resume-sla-clock.ts';
import { commandReason } from '../../../src/domain/tickets/ticket-input.ts';
import { t } from '../../../src/i18n/catalog.ts';
import { slaPauseRequestedText, slaResumedText } from '../../../src/slack/tickets/announce-sla-pause.ts';
import type { Subcommand } from '../../subcommand.ts';

export const ticketPause: Subcommand = async (ctx, { userId, args, locale }) => {
  const [ref, ...reason] = args;
  if (!ref || reason.length === 0) return { text: t(locale, 'ticket.usage.pause') };
  const requested = await requestSlaPause(ctx, { ticket: ref, actorId: userId, reason: commandReason(reason.join(' ')) });
  ctx.outbox.kick();
  return { text: await slaPauseRequestedText(ctx, locale, requested.ticket) };
};

export const ticketResume: Subcommand = async (ctx, { userId, args, locale }) => {
  if (!args[0]) return { text: t(locale, 'ticket.usage.number', { sub: 'resume' }) };
  const resumed = await resumeSlaClock(ctx, { ticket: args[0], actorId: userId });
  ctx.outbox.kick();
  return { text: slaResumedText(locale, ctx.config.timezone, resumed.ticket, resumed.pausedFor) };
};

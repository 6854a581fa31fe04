// The ticket modals (new, restore, major, pause), from a command or a button. Who may do it
// is a quick lookup, checked first so a refusal comes as a message rather than a form
// that cannot be saved; the trigger (3 s, single use) is spent right after.
import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { requireStaff } from '../../domain/directory/find-staff.ts';
import { checkTicketStep } from '../../domain/tickets/take-ticket-step.ts';
import { t } from '../../i18n/catalog.ts';
import type { BotContext } from '../bot-context.ts';
import { localeOf } from '../locale.ts';
import { describeTicketFailure } from '../edge/answer-about-ticket.ts';
import { assertMayAskForPause } from '../../domain/tickets/request-sla-pause.ts';
import { checkMayAddNote, noteMaxLength } from '../../domain/tickets/add-ticket-note.ts';
import { majorView, newTicketView, noteView, pauseView, reassignView, restoreView, type NewTicketPrefill } from './ticket-views.ts';

const viewsByKind = { restore: restoreView, major: majorView, pause: pauseView, reassign: reassignView };

export type TicketModalRequest = {
  userId: string;
  respond: RespondFn;
  client: WebClient;
  triggerId: string;
  kind: 'new' | 'restore' | 'major' | 'pause' | 'reassign' | 'note';
  ticketRef?: string;
  /** For 'new' from a message shortcut. */
  prefill?: NewTicketPrefill;
};

export async function openTicketModal(ctx: BotContext, request: TicketModalRequest): Promise<void> {
  const locale = await localeOf(ctx, request.userId).catch(() => ctx.config.locale);
  try {
    let view;
    if (request.kind === 'new') {
      await requireStaff(ctx, request.userId);
      view = newTicketView(locale, request.prefill);
    } else if (request.kind === 'note') {
      if (!request.ticketRef) throw new Error('a note needs its ticket');
      view = noteView(locale, await checkMayAddNote(ctx, { ticket: request.ticketRef, actorId: request.userId }), noteMaxLength);
    } else {
      if (!request.ticketRef) {
        await request.respond({ response_type: 'ephemeral', text: t(locale, 'ticket.usage.number', { sub: request.kind }) });
        return;
      }
      const { ticket } = await checkTicketStep(ctx, { ticket: request.ticketRef, actorId: request.userId }, request.kind);
      // A pause already asked for (or in force) is refused before the form, not after it.
      if (request.kind === 'pause') assertMayAskForPause(ticket);
      view = viewsByKind[request.kind](locale, ticket);
    }
    await request.client.views.open({ trigger_id: request.triggerId, view });
  } catch (error) {
    await request.respond({ response_type: 'ephemeral', replace_original: false, text: await describeTicketFailure(ctx, locale, error) });
  }
}

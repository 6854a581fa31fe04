// Submitting the major-fault modal: link the chosen customers and escalate at once.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { markTicketMajor } from '../../src/domain/tickets/mark-ticket-major.ts';
import type { BotContext } from '../../src/slack/bot-context.ts';
import { ticketIds } from '../../src/slack/ids.ts';
import { localeBeforeAck } from '../../src/slack/locale.ts';
import { announceMajorFault } from '../../src/slack/tickets/announce-ticket.ts';
import { describeTicketFailure } from '../../src/slack/tickets/answer-about-ticket.ts';
import { majorFields as f } from '../../src/slack/views/ticket-views.ts';
import { readTicketModal, selectedOptions, textValue, trimmed } from './ticket-view-state.ts';

const state = z.object({ [f.customers]: z.object({ [ticketIds.affectedSearch]: selectedOptions }), [f.note]: z.object({ [f.note]: textValue }) });

export function ticketMajorView(ctx: BotContext) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs & AllMiddlewareArgs) => {
    const userId = body.user.id;
    const read = await readTicketModal({ ctx, ack, userId, blockId: f.customers }, view, state, true);
    if (!read) return;
    const { ticketId, values } = read;
    const codes = (values[f.customers][ticketIds.affectedSearch].selected_options ?? []).map((o) => o.value);
    const note = trimmed(values[f.note][f.note]) || undefined;
    let fault;
    try {
      fault = await markTicketMajor(ctx, { ticket: ticketId, actorId: userId, customerCodes: codes, note });
    } catch (error) {
      const locale = await localeBeforeAck(ctx, userId).catch(() => ctx.config.locale);
      await ack({ response_action: 'errors', errors: { [f.customers]: await describeTicketFailure(ctx, locale, error) } });
      return;
    }
    await ack();
    await announceMajorFault(ctx, fault, note);
  };
}

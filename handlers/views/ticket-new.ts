// Submitting the new-ticket modal: input errors go back into the modal; a good ticket
// is opened, the modal closes, and the ticket is posted in its region's channel.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { openTicket } from '../../src/domain/tickets/open-ticket.ts';
import { phoneSchema } from '../../src/domain/phone.ts';
import { TicketScope, TicketServiceType } from '../../src/generated/prisma/enums.ts';
import { t } from '../../src/i18n/catalog.ts';
import type { BotContext } from '../../src/slack/bot-context.ts';
import { ticketIds } from '../../src/slack/ids.ts';
import { localeBeforeAck } from '../../src/slack/locale.ts';
import { announceTicketOpened } from '../../src/slack/tickets/announce-ticket.ts';
import { describeTicketFailure } from '../../src/slack/tickets/answer-about-ticket.ts';
import { newTicketFields as f } from '../../src/slack/views/ticket-views.ts';
import { readTicketModal, selectedOption, textValue, trimmed } from './ticket-view-state.ts';

const state = z.object({
  [f.customer]: z.object({ [ticketIds.customerSearch]: selectedOption }),
  [f.service]: z.object({ [f.service]: selectedOption }),
  [f.scope]: z.object({ [f.scope]: selectedOption }),
  [f.description]: z.object({ [f.description]: textValue }),
  [f.contactName]: z.object({ [f.contactName]: textValue }),
  [f.contactPhone]: z.object({ [f.contactPhone]: textValue }),
});

export function ticketNewView(ctx: BotContext) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs & AllMiddlewareArgs) => {
    const userId = body.user.id;
    const locale = await localeBeforeAck(ctx, userId).catch(() => ctx.config.locale);
    const read = await readTicketModal({ ctx, ack, userId, blockId: f.description }, view, state, false);
    if (!read) return;
    const { values } = read;
    const customerCode = values[f.customer][ticketIds.customerSearch].selected_option?.value ?? '';
    const serviceType = z.enum(TicketServiceType).safeParse(values[f.service][f.service].selected_option?.value);
    const scope = z.enum(TicketScope).safeParse(values[f.scope][f.scope].selected_option?.value);
    const description = trimmed(values[f.description][f.description]);
    const phoneText = trimmed(values[f.contactPhone][f.contactPhone]);
    const phone = phoneText ? phoneSchema.safeParse(phoneText) : null;

    const errors: Record<string, string> = {};
    if (!customerCode) errors[f.customer] = t(locale, 'ticket.modal.required');
    if (!serviceType.success) errors[f.service] = t(locale, 'ticket.modal.required');
    if (!scope.success) errors[f.scope] = t(locale, 'ticket.modal.required');
    if (!description) errors[f.description] = t(locale, 'ticket.new.need_description');
    if (phone && !phone.success) errors[f.contactPhone] = t(locale, 'ticket.new.bad_phone');
    if (Object.keys(errors).length > 0 || !serviceType.success || !scope.success) {
      await ack({ response_action: 'errors', errors });
      return;
    }

    let opened;
    try {
      opened = await openTicket(ctx, {
        actorId: userId,
        customerCode,
        serviceType: serviceType.data,
        scope: scope.data,
        description,
        contactName: trimmed(values[f.contactName][f.contactName]) || undefined,
        contactPhone: phone?.success ? phone.data : undefined,
      });
    } catch (error) {
      await ack({ response_action: 'errors', errors: { [f.customer]: await describeTicketFailure(ctx, locale, error) } });
      return;
    }
    await ack();
    await announceTicketOpened(ctx, opened.ticket);
  };
}

// Submitting the new-ticket modal: input errors go back into the modal; a good ticket
// is opened, the modal closes, and the ticket is posted in its region's channel.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import { openTicket } from '../../../src/domain/tickets/open-ticket.ts';
import { phoneSchema } from '../../../src/domain/phone.ts';
import { TicketScope, TicketServiceType } from '../../../src/generated/prisma/enums.ts';
import { t } from '../../../src/i18n/catalog.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { ticketIds } from '../../../src/slack/ids.ts';
import { choiceProblemText, readSubmission } from '../../../src/slack/edge/edge-answers.ts';
import { choiceOf, chosenOf, trimmedTextOf } from '../../../src/slack/edge/slack-values.ts';
import { describeTicketFailure } from '../../../src/slack/edge/answer-about-ticket.ts';
import { newTicketFields as f } from '../../../src/slack/tickets/ticket-views.ts';

export function ticketNewView(ctx: BotContext) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs & AllMiddlewareArgs) => {
    const userId = body.user.id;
    const read = await readSubmission(ctx, { userId, view });
    if (!read.ok) return ack(read.response);
    const { locale, values } = read;
    const customerCode = choiceOf(values, f.customer, ticketIds.customerSearch) ?? '';
    const serviceType = chosenOf(values, f.service, f.service, Object.values(TicketServiceType));
    const scope = chosenOf(values, f.scope, f.scope, Object.values(TicketScope));
    const description = trimmedTextOf(values, f.description, f.description);
    const phoneText = trimmedTextOf(values, f.contactPhone, f.contactPhone);
    const phone = phoneText ? phoneSchema.safeParse(phoneText) : null;

    const errors: Record<string, string> = {};
    if (!customerCode) errors[f.customer] = t(locale, 'ticket.modal.required');
    if ('problem' in serviceType) errors[f.service] = choiceProblemText(locale, serviceType.problem, 'ticket.modal.required');
    if ('problem' in scope) errors[f.scope] = choiceProblemText(locale, scope.problem, 'ticket.modal.required');
    if (!description) errors[f.description] = t(locale, 'ticket.new.need_description');
    if (phone && !phone.success) errors[f.contactPhone] = t(locale, 'ticket.new.bad_phone');
    if (Object.keys(errors).length > 0 || 'problem' in serviceType || 'problem' in scope) {
      await ack({ response_action: 'errors', errors });
      return;
    }

    let opened;
    try {
      opened = await openTicket(ctx, {
        actorId: userId,
        customerCode,
        serviceType: serviceType.value,
        scope: scope.value,
        description,
        contactName: trimmedTextOf(values, f.contactName, f.contactName) || undefined,
        contactPhone: phone?.success ? phone.data : undefined,
      });
    } catch (error) {
      await ack({ response_action: 'errors', errors: { [f.customer]: await describeTicketFailure(ctx, locale, error) } });
      return;
    }
    await ack();
    ctx.outbox.kick();
  };
}

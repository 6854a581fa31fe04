// Submitting the new-ticket modal: input errors go back into the modal; a good ticket
// is opened, the modal closes, and the ticket is posted in its region's channel.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { openTicket } from '../../../src/domain/tickets/open-ticket.ts';
import { phoneSchema } from '../../../src/domain/phone.ts';
import { FormRejected, type FieldIssue } from '../../../src/errors.ts';
import { TicketScope, TicketServiceType } from '../../../src/generated/prisma/enums.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { ticketIds } from '../../../src/slack/ids.ts';
import { readSubmission } from '../../../src/slack/edge/edge-answers.ts';
import { carried, choiceOf, chosenOf, trimmedTextOf } from '../../../src/slack/edge/slack-values.ts';
import { describeTicketFailure } from '../../../src/slack/edge/answer-about-ticket.ts';
import { answerSubmission } from '../../../src/slack/edge/answer-submission.ts';
import { newTicketFields as f } from '../../../src/slack/tickets/ticket-views.ts';

const choiceIssue = (field: string, problem: 'missing' | 'unavailable'): FieldIssue => ({
  field,
  message: problem === 'unavailable' ? 'error.field_choice_unavailable' : 'ticket.modal.required',
});

export function ticketNewView(ctx: BotContext) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const userId = body.user.id;
    const read = await readSubmission(ctx, { userId, view, metadata: carried.newTicketModal });
    if (!read.ok) return ack(read.response);
    const { locale, values, metadata } = read;
    await answerSubmission(ctx, { userId, ack, locale, mainBlockId: f.customer, describe: (l, e) => describeTicketFailure(ctx, l, e) }, async () => {
      const customerCode = choiceOf(values, f.customer, ticketIds.customerSearch) ?? '';
      const serviceType = chosenOf(values, f.service, f.service, Object.values(TicketServiceType));
      const scope = chosenOf(values, f.scope, f.scope, Object.values(TicketScope));
      const description = trimmedTextOf(values, f.description, f.description);
      const phoneText = trimmedTextOf(values, f.contactPhone, f.contactPhone);
      const phone = phoneText ? phoneSchema.safeParse(phoneText) : null;

      const issues: FieldIssue[] = [];
      if (!customerCode) issues.push({ field: f.customer, message: 'ticket.modal.required' });
      if ('problem' in serviceType) issues.push(choiceIssue(f.service, serviceType.problem));
      if ('problem' in scope) issues.push(choiceIssue(f.scope, scope.problem));
      if (!description) issues.push({ field: f.description, message: 'ticket.new.need_description' });
      if (phone && !phone.success) issues.push({ field: f.contactPhone, message: 'ticket.new.bad_phone' });
      if (issues.length > 0 || 'problem' in serviceType || 'problem' in scope) throw new FormRejected(issues);

      await openTicket(ctx, {
        actorId: userId,
        customerCode,
        serviceType: serviceType.value,
        scope: scope.value,
        description,
        contactName: trimmedTextOf(values, f.contactName, f.contactName) || undefined,
        contactPhone: phone?.success ? phone.data : undefined,
        sourceMessage: metadata === '' ? undefined : metadata.source,
      });
      ctx.outbox.kick();
    });
  };
}

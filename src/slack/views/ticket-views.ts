// The ticket modals: open a ticket, record a restoration, escalate a major fault, ask to pause the clock.
// Block and action ids here are what the submission handlers read back.
import type { ModalView, PlainTextOption } from '@slack/types';
import { TicketScope, TicketServiceType } from '../../generated/prisma/enums.ts';
import { t, type Locale } from '../../i18n/catalog.ts';
import { section, truncate } from '../blocks/text.ts';
import { ticketIds } from '../ids.ts';

export const newTicketFields = {
  customer: 'customer',
  service: 'service',
  scope: 'scope',
  description: 'description',
  contactName: 'contact_name',
  contactPhone: 'contact_phone',
} as const;
export const restoreFields = { cause: 'cause', action: 'action' } as const;
export const majorFields = { customers: 'customers', note: 'note' } as const;
export const pauseFields = { reason: 'reason' } as const;

const plain = (text: string, limit = 24) => ({ type: 'plain_text' as const, text: truncate(text, limit) });
const option = (text: string, value: string): PlainTextOption => ({ text: plain(text, 75), value });

function textInput(blockId: string, label: string, options: { multiline?: boolean; optional?: boolean; maxLength: number }) {
  return {
    type: 'input' as const,
    block_id: blockId,
    optional: options.optional ?? false,
    label: plain(label, 2000),
    element: { type: 'plain_text_input' as const, action_id: blockId, multiline: options.multiline ?? false, max_length: options.maxLength },
  };
}

export function newTicketView(locale: Locale): ModalView {
  const services = Object.values(TicketServiceType).map((value) => option(t(locale, `ticket.service.${value}`), value));
  const scopes = Object.values(TicketScope).map((value) => option(t(locale, `ticket.scope.${value}`), value));
  return {
    type: 'modal',
    callback_id: ticketIds.newView,
    title: plain(t(locale, 'ticket.new.title')),
    submit: plain(t(locale, 'ticket.new.submit')),
    close: plain(t(locale, 'ticket.modal.close')),
    blocks: [
      {
        type: 'input',
        block_id: newTicketFields.customer,
        label: plain(t(locale, 'ticket.new.customer'), 2000),
        element: { type: 'external_select', action_id: ticketIds.customerSearch, min_query_length: 1, placeholder: plain(t(locale, 'ticket.new.customer_placeholder'), 150) },
      },
      { type: 'input', block_id: newTicketFields.service, label: plain(t(locale, 'ticket.new.service'), 2000), element: { type: 'static_select', action_id: newTicketFields.service, options: services } },
      {
        type: 'input',
        block_id: newTicketFields.scope,
        label: plain(t(locale, 'ticket.new.scope'), 2000),
        element: { type: 'radio_buttons', action_id: newTicketFields.scope, options: scopes, initial_option: scopes[0] },
      },
      textInput(newTicketFields.description, t(locale, 'ticket.new.description'), { multiline: true, maxLength: 2000 }),
      textInput(newTicketFields.contactName, t(locale, 'ticket.new.contact_name'), { optional: true, maxLength: 100 }),
      textInput(newTicketFields.contactPhone, t(locale, 'ticket.new.contact_phone'), { optional: true, maxLength: 30 }),
    ],
  };
}

export function restoreView(locale: Locale, ticket: { id: string; number: string }): ModalView {
  return {
    type: 'modal',
    callback_id: ticketIds.restoreView,
    private_metadata: JSON.stringify({ ticketId: ticket.id }),
    title: plain(t(locale, 'ticket.restore.title')),
    submit: plain(t(locale, 'ticket.restore.submit')),
    close: plain(t(locale, 'ticket.modal.close')),
    blocks: [
      section(t(locale, 'ticket.restore.intro', { number: ticket.number })),
      textInput(restoreFields.cause, t(locale, 'ticket.restore.cause'), { maxLength: 500 }),
      textInput(restoreFields.action, t(locale, 'ticket.restore.action'), { multiline: true, maxLength: 2000 }),
    ],
  };
}

export function majorView(locale: Locale, ticket: { id: string; number: string }): ModalView {
  return {
    type: 'modal',
    callback_id: ticketIds.majorView,
    private_metadata: JSON.stringify({ ticketId: ticket.id }),
    title: plain(t(locale, 'ticket.major.title')),
    submit: plain(t(locale, 'ticket.major.submit')),
    close: plain(t(locale, 'ticket.modal.close')),
    blocks: [
      section(t(locale, 'ticket.major.intro', { number: ticket.number })),
      {
        type: 'input',
        block_id: majorFields.customers,
        optional: true,
        label: plain(t(locale, 'ticket.major.customers'), 2000),
        element: { type: 'multi_external_select', action_id: ticketIds.affectedSearch, min_query_length: 1, placeholder: plain(t(locale, 'ticket.new.customer_placeholder'), 150) },
      },
      textInput(majorFields.note, t(locale, 'ticket.major.note'), { multiline: true, optional: true, maxLength: 1000 }),
    ],
  };
}

export function pauseView(locale: Locale, ticket: { id: string; number: string }): ModalView {
  return {
    type: 'modal',
    callback_id: ticketIds.pauseView,
    private_metadata: JSON.stringify({ ticketId: ticket.id }),
    title: plain(t(locale, 'ticket.pause.title')),
    submit: plain(t(locale, 'ticket.pause.submit')),
    close: plain(t(locale, 'ticket.modal.close')),
    blocks: [
      section(t(locale, 'ticket.pause.intro', { number: ticket.number })),
      textInput(pauseFields.reason, t(locale, 'ticket.pause.reason'), { multiline: true, maxLength: 500 }),
    ],
  };
}

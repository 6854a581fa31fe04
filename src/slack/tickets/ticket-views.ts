// The ticket modals: open a ticket, record a restoration, escalate a major fault, ask to pause the clock, reassign.
// Block and action ids here are what the submission handlers read back.
import type { ModalView, PlainTextOption } from '@slack/types';
import { TicketScope, TicketServiceType } from '../../generated/prisma/enums.ts';
import { t, tPlain, type Locale, type PlainText } from '../../i18n/catalog.ts';
import { plainText, section } from '../kit/text.ts';
import { ticketIds } from '../ids.ts';
import type { TicketRecord } from '../../domain/tickets/find-ticket.ts';
import { customerLabel } from './ticket-words.ts';

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
export const reassignFields = { assignee: 'assignee' } as const;
export const noteFields = { text: 'note_text' } as const;

const plain = (text: PlainText, limit = 24) => plainText(text, limit);
const option = (text: PlainText, value: string): PlainTextOption => ({ text: plain(text, 75), value });

function textInput(blockId: string, label: PlainText, options: { multiline?: boolean; optional?: boolean; maxLength: number; initialValue?: string }) {
  return {
    type: 'input' as const,
    block_id: blockId,
    optional: options.optional ?? false,
    label: plain(label, 2000),
    element: {
      type: 'plain_text_input' as const,
      action_id: blockId,
      multiline: options.multiline ?? false,
      max_length: options.maxLength,
      ...(options.initialValue ? { initial_value: options.initialValue.slice(0, options.maxLength) } : {}),
    },
  };
}

/**
 * What a message shortcut fills in: the message as the description, the customer guessed
 * from it (to confirm), and where the message lives (private_metadata) for the link back.
 */
export type NewTicketPrefill = { customer?: { code: string; label: string }; description?: string; source?: { channelId: string; messageTs: string } };

/** A form about one ticket: its id rides in private_metadata (read back as carried.ticketModal). */
function ticketModal(locale: Locale, ticketId: string, form: { callbackId: string; area: 'restore' | 'major' | 'pause' | 'reassign' | 'note'; blocks: ModalView['blocks'] }): ModalView {
  return {
    type: 'modal',
    callback_id: form.callbackId,
    private_metadata: JSON.stringify({ ticketId }),
    title: plain(tPlain(locale, `ticket.${form.area}.title`)),
    submit: plain(tPlain(locale, `ticket.${form.area}.submit`)),
    close: plain(tPlain(locale, 'ticket.modal.close')),
    blocks: form.blocks,
  };
}

export function newTicketView(locale: Locale, prefill: NewTicketPrefill = {}): ModalView {
  const guessed = prefill.customer ? { text: plain(prefill.customer.label as PlainText, 75), value: prefill.customer.code } : undefined;
  const services = Object.values(TicketServiceType).map((value) => option(tPlain(locale, `ticket.service.${value}`), value));
  const scopes = Object.values(TicketScope).map((value) => option(tPlain(locale, `ticket.scope.${value}`), value));
  return {
    type: 'modal',
    callback_id: ticketIds.newView,
    ...(prefill.source ? { private_metadata: JSON.stringify({ source: prefill.source }) } : {}),
    title: plain(tPlain(locale, 'ticket.new.title')),
    submit: plain(tPlain(locale, 'ticket.new.submit')),
    close: plain(tPlain(locale, 'ticket.modal.close')),
    blocks: [
      {
        type: 'input',
        block_id: newTicketFields.customer,
        label: plain(tPlain(locale, 'ticket.new.customer'), 2000),
        element: {
          type: 'external_select',
          action_id: ticketIds.customerSearch,
          min_query_length: 1,
          placeholder: plain(tPlain(locale, 'ticket.new.customer_placeholder'), 150),
          ...(guessed ? { initial_option: guessed } : {}),
        },
      },
      { type: 'input', block_id: newTicketFields.service, label: plain(tPlain(locale, 'ticket.new.service'), 2000), element: { type: 'static_select', action_id: newTicketFields.service, options: services } },
      {
        type: 'input',
        block_id: newTicketFields.scope,
        label: plain(tPlain(locale, 'ticket.new.scope'), 2000),
        element: { type: 'radio_buttons', action_id: newTicketFields.scope, options: scopes, initial_option: scopes[0] },
      },
      textInput(newTicketFields.description, tPlain(locale, 'ticket.new.description'), { multiline: true, maxLength: 2000, initialValue: prefill.description }),
      textInput(newTicketFields.contactName, tPlain(locale, 'ticket.new.contact_name'), { optional: true, maxLength: 100 }),
      textInput(newTicketFields.contactPhone, tPlain(locale, 'ticket.new.contact_phone'), { optional: true, maxLength: 30 }),
    ],
  };
}

export function restoreView(locale: Locale, ticket: { id: string; number: string }): ModalView {
  return ticketModal(locale, ticket.id, {
    callbackId: ticketIds.restoreView,
    area: 'restore',
    blocks: [
      section(t(locale, 'ticket.restore.intro', { number: ticket.number })),
      textInput(restoreFields.cause, tPlain(locale, 'ticket.restore.cause'), { maxLength: 500 }),
      textInput(restoreFields.action, tPlain(locale, 'ticket.restore.action'), { multiline: true, maxLength: 2000 }),
    ],
  });
}

export function majorView(locale: Locale, ticket: { id: string; number: string }): ModalView {
  return ticketModal(locale, ticket.id, {
    callbackId: ticketIds.majorView,
    area: 'major',
    blocks: [
      section(t(locale, 'ticket.major.intro', { number: ticket.number })),
      {
        type: 'input',
        block_id: majorFields.customers,
        optional: true,
        label: plain(tPlain(locale, 'ticket.major.customers'), 2000),
        element: { type: 'multi_external_select', action_id: ticketIds.affectedSearch, min_query_length: 1, placeholder: plain(tPlain(locale, 'ticket.new.customer_placeholder'), 150) },
      },
      textInput(majorFields.note, tPlain(locale, 'ticket.major.note'), { multiline: true, optional: true, maxLength: 1000 }),
    ],
  });
}

export function pauseView(locale: Locale, ticket: { id: string; number: string }): ModalView {
  return ticketModal(locale, ticket.id, {
    callbackId: ticketIds.pauseView,
    area: 'pause',
    blocks: [
      section(t(locale, 'ticket.pause.intro', { number: ticket.number })),
      textInput(pauseFields.reason, tPlain(locale, 'ticket.pause.reason'), { multiline: true, maxLength: 500 }),
    ],
  });
}

export function reassignView(locale: Locale, ticket: Pick<TicketRecord, 'id' | 'number' | 'customer'>): ModalView {
  return ticketModal(locale, ticket.id, {
    callbackId: ticketIds.reassignView,
    area: 'reassign',
    blocks: [
      section(t(locale, 'ticket.reassign.intro', { number: ticket.number, customer: customerLabel(ticket) })),
      {
        type: 'input',
        block_id: reassignFields.assignee,
        label: plain(tPlain(locale, 'ticket.reassign.assignee'), 2000),
        element: { type: 'users_select', action_id: reassignFields.assignee },
      },
    ],
  });
}

export function noteView(locale: Locale, ticket: { id: string; number: string }, maxLength: number): ModalView {
  return ticketModal(locale, ticket.id, {
    callbackId: ticketIds.noteView,
    area: 'note',
    blocks: [section(t(locale, 'ticket.note.intro', { number: ticket.number })), textInput(noteFields.text, tPlain(locale, 'ticket.note.text'), { multiline: true, maxLength })],
  });
}

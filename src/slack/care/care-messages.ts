// What the account manager gets about a care callback: the task with the care script
// (identity, what happened, what was done, satisfaction) and the "Log callback" button
// that opens the visit form as a callback survey; the reminder when it falls due; and,
// after a dissatisfied callback, the offer to open a retention case.
import type { ActionsBlock } from '@slack/types';
import type { CareCallbackRecord } from '../../domain/care/find-care-callback.ts';
import { t, tPlain, type Locale, type Mrkdwn } from '../../i18n/catalog.ts';
import { joinMrkdwn } from '../../i18n/mrkdwn.ts';
import type { Rendered } from '../approvals/approval-request.ts';
import { careIds } from '../ids.ts';
import { slackDate } from '../kit/slack-date.ts';
import { context, header, plainText, section } from '../kit/text.ts';

function button(locale: Locale, callback: CareCallbackRecord, kind: 'log' | 'open_retention'): ActionsBlock {
  return {
    type: 'actions',
    block_id: `care_${kind}`,
    elements: [
      {
        type: 'button',
        action_id: kind === 'log' ? careIds.logCallback : careIds.openRetention,
        style: 'primary',
        value: kind === 'log' ? String(callback.id) : callback.customerCode,
        text: plainText(tPlain(locale, kind === 'log' ? 'care.button.log' : 'care.button.open_retention'), 75),
      },
    ],
  };
}

export function careTaskMessage(locale: Locale, callback: CareCallbackRecord, input: { timeZone: string; hours: number }): Rendered {
  const { ticket, customer } = callback;
  const intro = t(locale, 'care.task.intro', { customer: customer.name, due: slackDate(callback.dueAt, input.timeZone), hours: input.hours });
  const script: Mrkdwn = joinMrkdwn(
    [
      t(locale, 'care.script.title'),
      t(locale, 'care.script.identity', { manager: callback.manager?.name ?? callback.managerId }),
      t(locale, 'care.script.happened', { number: ticket.number, opened: slackDate(ticket.openedAt, input.timeZone), description: ticket.description }),
      t(locale, 'care.script.done', {
        restored: slackDate(ticket.restoredAt ?? callback.createdAt, input.timeZone),
        cause: ticket.restoreCause ?? '—',
        action: ticket.restoreAction ?? '—',
      }),
      t(locale, 'care.script.satisfaction'),
    ],
    '\n',
  );
  const contact = t(locale, 'care.task.contact', { customer: customer.name, code: customer.code, phone: customer.phone ?? tPlain(locale, 'care.task.no_phone') });
  return {
    text: joinMrkdwn([intro, script], '\n'),
    blocks: [header(tPlain(locale, 'care.task.title', { number: ticket.number })), section(intro), section(script), context(contact), button(locale, callback, 'log')],
  };
}

export function careDueMessage(locale: Locale, callback: CareCallbackRecord, timeZone: string): Rendered {
  const text = t(locale, 'care.due.text', { customer: callback.customer.name, number: callback.ticket.number, due: slackDate(callback.dueAt, timeZone) });
  return { text, blocks: [section(text), button(locale, callback, 'log')] };
}

export function careDissatisfiedMessage(locale: Locale, callback: CareCallbackRecord): Rendered {
  const text = t(locale, 'care.dissatisfied.text', { customer: callback.customer.name, number: callback.ticket.number });
  return { text, blocks: [section(text), button(locale, callback, 'open_retention')] };
}

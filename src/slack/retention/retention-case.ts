// The /retain modal and what it sends back. Building and parsing live together so the
// block and action ids cannot drift apart; field problems come back keyed by block id
// for `response_action: 'errors'`.
import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { formatYuan } from '../../domain/retention/format-yuan.ts';
import type { Offer } from '../../domain/retention/offer-catalogue.ts';
import type { RetentionCaseInput } from '../../domain/retention/record-retention-case.ts';
import { retentionOutcomes, retentionReasons, retentionTriggers } from '../../domain/retention/retention-choices.ts';
import type { RetentionTrigger } from '../../generated/prisma/enums.ts';
import { t, tPlain, type Locale, type PlainText } from '../../i18n/catalog.ts';
import { context, plainText } from '../kit/text.ts';
import { retentionIds as ids } from '../ids.ts';
import { choiceProblemText } from '../edge/edge-answers.ts';
import { choiceOf, chosenManyOf, chosenOf, dateOf, trimmedTextOf, type ViewValues } from '../edge/slack-values.ts';

const notesMax = 2000;
const plain = (text: PlainText, limit = 75) => plainText(text, limit);
const option = (text: PlainText, value: string): PlainTextOption => ({ text: plain(text), value });

export function customerOption(customer: { code: string; name: string }): PlainTextOption {
  return option(`${customer.code} ${customer.name}`, customer.code);
}

function input(blockId: string, label: PlainText, element: Record<string, unknown>, extra: { optional?: boolean; hint?: PlainText } = {}): KnownBlock {
  return {
    type: 'input',
    block_id: blockId,
    label: plain(label, 2000),
    ...(extra.optional ? { optional: true } : {}),
    ...(extra.hint ? { hint: plain(extra.hint, 2000) } : {}),
    element: { action_id: blockId, ...element },
  } as KnownBlock;
}

export function retentionCaseModal(
  locale: Locale,
  options: { offers: Offer[]; authority: number; customer?: { code: string; name: string }; trigger?: RetentionTrigger },
): ModalView {
  const triggerOption = (v: RetentionTrigger) => option(tPlain(locale, `retention.trigger.${v}`), v);
  const authority = t(locale, 'retention.authority', { authority: formatYuan(options.authority) });
  return {
    type: 'modal',
    callback_id: ids.recordView,
    title: plain(tPlain(locale, 'retention.modal_title'), 24),
    submit: plain(tPlain(locale, 'retention.modal_submit'), 24),
    close: plain(tPlain(locale, 'retention.modal_close'), 24),
    blocks: [
      context(authority),
      input(ids.customer, tPlain(locale, 'retention.customer'), {
        type: 'external_select',
        min_query_length: 0,
        placeholder: plain(tPlain(locale, 'retention.customer_placeholder'), 150),
        ...(options.customer ? { initial_option: customerOption(options.customer) } : {}),
      }),
      input(ids.trigger, tPlain(locale, 'retention.trigger'), {
        type: 'static_select',
        options: retentionTriggers.map(triggerOption),
        ...(options.trigger ? { initial_option: triggerOption(options.trigger) } : {}),
      }),
      input(ids.reasons, tPlain(locale, 'retention.reasons'), {
        type: 'checkboxes',
        options: retentionReasons.map((v) => option(tPlain(locale, `retention.reason.${v}`), v)),
      }),
      input(ids.offer, tPlain(locale, 'retention.offer'), {
        type: 'static_select',
        options: options.offers.map((o) => option(tPlain(locale, 'retention.offer_option', { name: o.name[locale], value: formatYuan(o.value) }), o.code)),
      }),
      input(ids.outcome, tPlain(locale, 'retention.outcome'), {
        type: 'radio_buttons',
        options: retentionOutcomes.map((v) => option(tPlain(locale, `retention.outcome.${v}`), v)),
      }),
      input(ids.followUp, tPlain(locale, 'retention.follow_up'), { type: 'datepicker' }, { optional: true, hint: tPlain(locale, 'retention.follow_up_hint') }),
      input(ids.notes, tPlain(locale, 'retention.notes'), { type: 'plain_text_input', multiline: true, max_length: notesMax }, { optional: true, hint: tPlain(locale, 'retention.notes_hint') }),
    ],
  };
}

export type FormResult = { ok: true; input: RetentionCaseInput } | { ok: false; errors: Record<string, string> };

/** view.state.values → the case input, or the problems keyed by block id. */
export function parseRetentionForm(locale: Locale, values: ViewValues): FormResult {
  const errors: Record<string, string> = {};
  const required = (id: string) => {
    const value = choiceOf(values, id, id);
    if (!value) errors[id] = tPlain(locale, 'retention.field_required');
    return value ?? '';
  };
  // Offered from a fixed list: a value not on it is "no longer available, choose again".
  const chosen = <const T extends string>(id: string, offered: readonly T[]): T => {
    const read = chosenOf(values, id, id, offered);
    if ('value' in read) return read.value;
    errors[id] = choiceProblemText(locale, read.problem, 'retention.field_required');
    return offered[0]!;
  };
  // The customer (a search) and the offer (the catalogue) are checked by the domain.
  const customerCode = required(ids.customer);
  const trigger = chosen(ids.trigger, retentionTriggers);
  const offerCode = required(ids.offer);
  const outcome = chosen(ids.outcome, retentionOutcomes);
  const reasons = chosenManyOf(values, ids.reasons, ids.reasons, retentionReasons);
  if ('problem' in reasons) errors[ids.reasons] = choiceProblemText(locale, reasons.problem, 'retention.field_reasons');
  else if (reasons.values.length === 0) errors[ids.reasons] = tPlain(locale, 'retention.field_reasons');
  const notes = trimmedTextOf(values, ids.notes, ids.notes) || null;
  if (notes && notes.length > notesMax) errors[ids.notes] = tPlain(locale, 'retention.field_notes_long', { max: notesMax });
  if (Object.keys(errors).length > 0 || 'problem' in reasons) return { ok: false, errors };
  return {
    ok: true,
    input: { customerCode, offerCode, notes, followUpOn: dateOf(values, ids.followUp, ids.followUp), trigger, outcome, reasons: reasons.values },
  };
}

/** Which form field a domain refusal is about, so it shows next to that field. */
export const fieldOfError: Partial<Record<string, string>> = {
  retention_unknown_customer: ids.customer,
  retention_not_your_customer: ids.customer,
  retention_case_pending: ids.customer,
  retention_unknown_offer: ids.offer,
  retention_reasons_required: ids.reasons,
  retention_follow_up_required: ids.followUp,
  retention_follow_up_past: ids.followUp,
  retention_follow_up_churned: ids.followUp,
};

// The visit form: built from a prefill, read back from view.state.values. Block ids
// are named after the domain's fields, so a field problem from the domain lands next
// to the right input (response_action: errors).
import type { InputBlock, KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { checkInBlocks, type CheckInState } from './check-in.ts';
import type { FieldIssue } from '../../errors.ts';
import { z } from 'zod';
import { t, tPlain, type Locale, type Mrkdwn, type PlainText } from '../../i18n/catalog.ts';
import type { VisitKind, VisitPurpose } from '../../generated/prisma/enums.ts';
import { metWithMaxLength, summaryMaxLength, visitKinds, visitPurposes, type VisitField } from '../../domain/visits/visit-input.ts';
import { visitIds } from '../ids.ts';
import { context, plainText, section } from '../kit/text.ts';
import { isValidTimezone } from '../../domain/timezone.ts';
import { carriedJson, choiceOf, choicesOf, dateOf, dateTimeOf, textOf, type ViewValues } from '../edge/slack-values.ts';

export const visitFormBlocks = {
  customerCode: 'customer',
  kind: 'kind',
  purposes: 'purposes',
  occurredAt: 'occurred_at',
  metWith: 'met_with',
  summary: 'summary',
  satisfaction: 'satisfaction',
  nextFollowUpOn: 'next_follow_up',
} as const satisfies Record<VisitField, string>;

export type VisitFormPrefill = {
  customer?: { code: string; name: string };
  kind?: VisitKind;
  purposes?: VisitPurpose[];
  occurredAt: Date;
  metWith?: string | null;
  summary?: string;
  satisfaction?: number | null;
  nextFollowUpOn?: string | null;
  /** Set when editing: who logged it and which version is being changed. */
  editing?: { authorId: string; version: number };
  /** A care callback's survey: satisfaction is required. */
  careCallback?: boolean;
  /** Start visit / End visit for the chosen customer (a new visit only). */
  checkIn?: CheckInState;
};

/** What the form carries in private_metadata: the author's time zone, and the visit being edited. */
export const visitFormMetadata = carriedJson(
  z.object({
    timeZone: z.string().max(64).refine(isValidTimezone),
    visitId: z.string().regex(/^\d{1,18}$/).optional(),
    version: z.number().int().positive().optional(),
    /** The care callback this visit logs (故障回访). */
    careCallbackId: z.string().regex(/^\d{1,18}$/).optional(),
  }),
);
export type VisitFormMetadata = z.output<typeof visitFormMetadata>;

const plain = (text: PlainText, limit = 75) => plainText(text, limit);
const option = (text: PlainText, value: string): PlainTextOption => ({ text: plain(text), value });

export function customerOption(customer: { code: string; name: string }): PlainTextOption {
  return option(`${customer.code} ${customer.name}`, customer.code);
}

const kindOption = (locale: Locale, kind: VisitKind) => option(tPlain(locale, `visit.kind.${kind}`), kind);
const purposeOption = (locale: Locale, purpose: VisitPurpose) => option(tPlain(locale, `visit.purpose.${purpose}`), purpose);
const scoreOption = (locale: Locale, score: number) => option(tPlain(locale, `visit.satisfaction.${score as 1 | 2 | 3 | 4 | 5}`), String(score));

function input(blockId: string, label: PlainText, element: InputBlock['element'], extra: Partial<InputBlock> = {}): InputBlock {
  return { type: 'input', block_id: blockId, label: plain(label, 2000), element, ...extra };
}

export function visitFormView(locale: Locale, prefill: VisitFormPrefill, metadata: VisitFormMetadata): ModalView {
  const b = visitFormBlocks;
  const blocks: KnownBlock[] = [
    ...(prefill.editing ? [context(t(locale, 'visit.form.editing', { author: prefill.editing.authorId, version: prefill.editing.version }))] : []),
    input(b.customerCode, tPlain(locale, 'visit.form.customer'), {
      type: 'external_select',
      action_id: visitIds.customerSearch,
      min_query_length: 0,
      placeholder: plain(tPlain(locale, 'visit.form.customer_placeholder'), 150),
      ...(prefill.customer ? { initial_option: customerOption(prefill.customer) } : {}),
    }),
    ...(prefill.checkIn && !prefill.editing ? checkInBlocks(locale, metadata.timeZone, prefill.checkIn) : []),
    input(b.kind, tPlain(locale, 'visit.form.kind'), {
      type: 'static_select',
      action_id: visitIds.kind,
      options: visitKinds.map((k) => kindOption(locale, k)),
      ...(prefill.kind ? { initial_option: kindOption(locale, prefill.kind) } : {}),
    }),
    input(
      b.purposes,
      tPlain(locale, 'visit.form.purposes'),
      {
        type: 'multi_static_select',
        action_id: visitIds.purposes,
        options: visitPurposes.map((p) => purposeOption(locale, p)),
        ...(prefill.purposes?.length ? { initial_options: prefill.purposes.map((p) => purposeOption(locale, p)) } : {}),
      },
      { optional: true },
    ),
    input(
      b.occurredAt,
      tPlain(locale, 'visit.form.when'),
      { type: 'datetimepicker', action_id: visitIds.occurredAt, initial_date_time: Math.floor(prefill.occurredAt.getTime() / 1000) },
      { hint: plain(tPlain(locale, 'visit.form.when_hint'), 2000) },
    ),
    input(
      b.metWith,
      tPlain(locale, 'visit.form.met_with'),
      { type: 'plain_text_input', action_id: visitIds.metWith, max_length: metWithMaxLength, ...(prefill.metWith ? { initial_value: prefill.metWith } : {}) },
      { optional: true },
    ),
    input(b.summary, tPlain(locale, 'visit.form.summary'), {
      type: 'plain_text_input',
      action_id: visitIds.summary,
      multiline: true,
      max_length: summaryMaxLength,
      ...(prefill.summary ? { initial_value: prefill.summary } : {}),
    }),
    input(
      b.satisfaction,
      tPlain(locale, 'visit.form.satisfaction'),
      {
        type: 'static_select',
        action_id: visitIds.satisfaction,
        options: [1, 2, 3, 4, 5].map((s) => scoreOption(locale, s)),
        ...(prefill.satisfaction ? { initial_option: scoreOption(locale, prefill.satisfaction) } : {}),
      },
      { optional: !prefill.careCallback },
    ),
    input(
      b.nextFollowUpOn,
      tPlain(locale, 'visit.form.next_follow_up'),
      { type: 'datepicker', action_id: visitIds.nextFollowUp, ...(prefill.nextFollowUpOn ? { initial_date: prefill.nextFollowUpOn } : {}) },
      { optional: true, hint: plain(tPlain(locale, 'visit.form.next_follow_up_hint'), 2000) },
    ),
  ];
  return {
    type: 'modal',
    callback_id: visitIds.form,
    title: plain(tPlain(locale, prefill.editing ? 'visit.form.edit_title' : 'visit.form.title'), 24),
    submit: plain(tPlain(locale, 'visit.form.submit'), 24),
    close: plain(tPlain(locale, 'visit.form.cancel'), 24),
    private_metadata: JSON.stringify(metadata),
    blocks,
  };
}

/** What replaces the form once it is handled: the confirmation, or why nothing was saved. */
export function visitOutcomeView(locale: Locale, outcome: 'saved' | 'not_saved', text: Mrkdwn): ModalView {
  return {
    type: 'modal',
    title: plain(tPlain(locale, outcome === 'saved' ? 'visit.saved.title' : 'visit.not_saved.title'), 24),
    close: plain(tPlain(locale, 'visit.saved.close'), 24),
    blocks: [section(text)],
  };
}

/** The raw field values (validated later by the domain) from view.state.values. */
export function readVisitForm(values: ViewValues): Record<VisitField, unknown> {
  const b = visitFormBlocks;
  const score = choiceOf(values, b.satisfaction, visitIds.satisfaction);
  return {
    customerCode: choiceOf(values, b.customerCode, visitIds.customerSearch),
    kind: choiceOf(values, b.kind, visitIds.kind),
    purposes: choicesOf(values, b.purposes, visitIds.purposes),
    occurredAt: dateTimeOf(values, b.occurredAt, visitIds.occurredAt),
    metWith: textOf(values, b.metWith, visitIds.metWith),
    summary: textOf(values, b.summary, visitIds.summary),
    satisfaction: score ? Number(score) : null,
    nextFollowUpOn: dateOf(values, b.nextFollowUpOn, visitIds.nextFollowUp),
  };
}

/** Slack's `errors` object: block id → message, in the user's language. */
export function fieldErrors(locale: Locale, issues: FieldIssue<VisitField>[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const block = visitFormBlocks[issue.field] ?? visitFormBlocks.summary;
    errors[block] ??= tPlain(locale, issue.message, issue.params);
  }
  return errors;
}

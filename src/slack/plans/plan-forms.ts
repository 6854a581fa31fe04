// The activity plan form (/plan) and the report form (after the event): built here, read
// back from view.state.values; block ids are the domain's field names, so a field
// problem from the domain lands next to its input.
import type { InputBlock, KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import type { PlanField, PlanReportField } from '../../domain/plans/plan-input.ts';
import type { FieldIssue } from '../../errors.ts';
import { t, tPlain, type Locale, type Mrkdwn, type PlainText } from '../../i18n/catalog.ts';
import { planIds } from '../ids.ts';
import { choiceOf, dateOf, textOf, type ViewValues } from '../edge/slack-values.ts';
import { context, plainText, section } from '../kit/text.ts';

const plain = (text: PlainText, limit = 75) => plainText(text, limit);

function input(blockId: string, label: PlainText, element: InputBlock['element'], optional = false): InputBlock {
  return { type: 'input', block_id: blockId, label: plain(label, 2000), element, optional };
}

const textInput = (actionId: string, max: number, multiline = false): InputBlock['element'] => ({ type: 'plain_text_input', action_id: actionId, max_length: max, multiline });

export function planFormView(locale: Locale, input2: { answerDays: number; reportDays: number }): ModalView {
  const blocks: KnownBlock[] = [
    context(t(locale, 'plan.form.intro', { days: input2.answerDays, reportDays: input2.reportDays })),
    input('theme', tPlain(locale, 'plan.form.theme'), textInput(planIds.theme, 200)),
    input('purpose', tPlain(locale, 'plan.form.purpose'), textInput(planIds.purpose, 500, true)),
    input('eventOn', tPlain(locale, 'plan.form.event_on'), { type: 'datepicker', action_id: planIds.eventOn }),
    input('targetMembers', tPlain(locale, 'plan.form.target_members'), textInput(planIds.targetMembers, 500)),
    input('places', tPlain(locale, 'plan.form.places'), textInput(planIds.places, 9)),
    input('budgetYuan', tPlain(locale, 'plan.form.budget'), textInput(planIds.budget, 9)),
  ];
  return {
    type: 'modal',
    callback_id: planIds.form,
    title: plain(tPlain(locale, 'plan.form.title'), 24),
    submit: plain(tPlain(locale, 'plan.form.submit'), 24),
    close: plain(tPlain(locale, 'plan.form.cancel'), 24),
    blocks,
  };
}

export function readPlanForm(values: ViewValues): Record<PlanField, unknown> {
  return {
    theme: textOf(values, 'theme', planIds.theme),
    purpose: textOf(values, 'purpose', planIds.purpose),
    eventOn: dateOf(values, 'eventOn', planIds.eventOn),
    targetMembers: textOf(values, 'targetMembers', planIds.targetMembers),
    places: textOf(values, 'places', planIds.places),
    budgetYuan: textOf(values, 'budgetYuan', planIds.budget),
  };
}

const scoreOption = (locale: Locale, score: number): PlainTextOption => ({ text: plain(tPlain(locale, `visit.satisfaction.${score as 1 | 2 | 3 | 4 | 5}`)), value: String(score) });

export function planReportView(locale: Locale, plan: { id: bigint; theme: string }): ModalView {
  return {
    type: 'modal',
    callback_id: planIds.reportForm,
    title: plain(tPlain(locale, 'plan.report.title'), 24),
    submit: plain(tPlain(locale, 'plan.form.submit'), 24),
    close: plain(tPlain(locale, 'plan.form.cancel'), 24),
    private_metadata: JSON.stringify({ planId: String(plan.id) }),
    blocks: [
      section(t(locale, 'plan.report.intro', { theme: plan.theme, id: String(plan.id) })),
      input('attendance', tPlain(locale, 'plan.report.attendance'), textInput(planIds.attendance, 9)),
      input('satisfaction', tPlain(locale, 'plan.report.satisfaction'), { type: 'static_select', action_id: planIds.satisfaction, options: [1, 2, 3, 4, 5].map((s) => scoreOption(locale, s)) }),
      input('note', tPlain(locale, 'plan.report.note'), textInput(planIds.note, 1000, true), true),
    ],
  };
}

export function readPlanReportForm(values: ViewValues): Record<PlanReportField, unknown> {
  return {
    attendance: textOf(values, 'attendance', planIds.attendance),
    satisfaction: choiceOf(values, 'satisfaction', planIds.satisfaction),
    note: textOf(values, 'note', planIds.note),
  };
}

/** What replaces a form once it is handled. */
export function planOutcomeView(locale: Locale, outcome: 'submitted' | 'reported' | 'not_saved', text: Mrkdwn): ModalView {
  const titles = { submitted: 'plan.submitted.title', reported: 'plan.report.title', not_saved: 'plan.not_saved.title' } as const;
  return {
    type: 'modal',
    title: plain(tPlain(locale, titles[outcome]), 24),
    close: plain(tPlain(locale, 'plan.close'), 24),
    blocks: [section(text)],
  };
}

/** Slack's `errors` object: block id (the field's name) → message. */
export function planFieldErrors(locale: Locale, issues: FieldIssue[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) errors[issue.field] ??= tPlain(locale, issue.message, issue.params);
  return errors;
}

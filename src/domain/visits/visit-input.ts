// What a visit record must satisfy, whoever enters it (the modal or the quick form).
// Each problem names its field and an error code of the catalog, so the modal can put
// it next to the field and the quick form can say it in a sentence.
import { z } from 'zod';
import { choice } from '../choice.ts';
import { FormRejected, type ErrorCode } from '../../errors.ts';
import type { VisitKind, VisitPurpose } from '../../generated/prisma/enums.ts';
import { addDays, isLocalDate, localDateOf, type LocalDate } from '../local-time.ts';
import { isPlainTextIssue, plainText } from '../plain-text.ts';

export const visitKinds = ['on_site', 'phone', 'callback_survey', 'club_event'] as const satisfies readonly VisitKind[];
export const visitPurposes = [
  'routine_care',
  'new_customer_callback',
  'complaint_follow_up',
  'needs_collection',
  'new_service_demo',
  'birthday_care',
  'retention',
] as const satisfies readonly VisitPurpose[];

export type VisitInput = {
  customerCode: string;
  kind: VisitKind;
  purposes: VisitPurpose[];
  occurredAt: Date;
  metWith: string | null;
  summary: string;
  satisfaction: number | null;
  nextFollowUpOn: LocalDate | null;
};
export type VisitField = keyof VisitInput;

/** A visit logged a few minutes "in the future" is a clock difference, not a mistake. */
const futureGraceMillis = 5 * 60_000;
const maxAgeDays = 366;
export const summaryMaxLength = 3000;
export const metWithMaxLength = 200;

const code = (c: ErrorCode) => ({ error: c });
const optionalText = (max: number, tooLong: ErrorCode) =>
  z
    .string()
    .check(plainText)
    .trim()
    .max(max, code(tooLong))
    .nullish()
    .transform((v) => v || null);

/** When editing: values the visit already has pass even if they have since become "too old". */
export type ExistingValues = { occurredAt: Date; nextFollowUpOn: LocalDate | null };

function visitInputSchema(now: Date, timeZone: string, existing?: ExistingValues) {
  const today = localDateOf(now, timeZone);
  const kept = {
    occurredAt: (d: Date) => d.getTime() === existing?.occurredAt.getTime(),
    nextFollowUpOn: (d: string) => d === existing?.nextFollowUpOn,
  };
  return z
    .object({
      customerCode: z.string(code('visit_customer_missing')).check(plainText).trim().min(1, code('visit_customer_missing')),
      kind: choice(visitKinds, { missing: 'visit_kind_missing', unavailable: 'field_choice_unavailable' }),
      purposes: z.array(choice(visitPurposes, { missing: 'field_choice_unavailable', unavailable: 'field_choice_unavailable' })).nullish().transform((v) => [...new Set(v ?? [])]),
      occurredAt: z
        .date(code('visit_when_missing'))
        .refine((d) => !Number.isNaN(d.getTime()), code('visit_when_missing'))
        .refine((d) => d.getTime() <= now.getTime() + futureGraceMillis, code('visit_when_future'))
        .refine((d) => kept.occurredAt(d) || localDateOf(d, timeZone) >= addDays(today, -maxAgeDays), code('visit_when_too_old')),
      metWith: optionalText(metWithMaxLength, 'visit_met_with_too_long'),
      summary: z.string(code('visit_summary_empty')).check(plainText).trim().min(1, code('visit_summary_empty')).max(summaryMaxLength, code('visit_summary_too_long')),
      satisfaction: z.number().int().min(1, code('visit_satisfaction_range')).max(5, code('visit_satisfaction_range')).nullish().transform((v) => v ?? null),
      nextFollowUpOn: z
        .string()
        .refine(isLocalDate, code('visit_follow_up_bad_date'))
        .refine((d) => kept.nextFollowUpOn(d) || d >= today, code('visit_follow_up_in_past'))
        .refine((d) => d <= addDays(today, maxAgeDays), code('visit_follow_up_too_far'))
        .nullish()
        .transform((v) => v ?? null),
    })
    .superRefine((v, ctx) => {
      if (v.nextFollowUpOn && v.nextFollowUpOn <= localDateOf(v.occurredAt, timeZone)) {
        ctx.addIssue({ code: 'custom', path: ['nextFollowUpOn'], message: 'visit_follow_up_not_after_visit' });
      }
    });
}

/** Validates raw input (times as Dates, dates as 'YYYY-MM-DD') against `now` in the author's time zone. */
export function parseVisitInput(raw: Record<string, unknown>, context: { now: Date; timeZone: string; existing?: ExistingValues }): VisitInput {
  const parsed = visitInputSchema(context.now, context.timeZone, context.existing).safeParse(raw);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({
    field: issue.path[0] as VisitField,
    // Every rule above names its code; a shape the edge should never send gets the generic one.
    message: `error.${(isPlainTextIssue(issue) ? 'field_control_characters' : issue.message.startsWith('visit_') || issue.message === 'field_choice_unavailable' ? issue.message : 'visit_field_invalid') as ErrorCode}` as const,
  }));
  // Keep one problem per field: the first is the one worth fixing.
  throw new FormRejected<VisitField>(issues.filter((issue, i) => issues.findIndex((other) => other.field === issue.field) === i));
}

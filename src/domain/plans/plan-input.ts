// What an activity plan and its report must satisfy. Each problem names its field and a
// catalog error, so the modal shows it next to the field.
import { z } from 'zod';
import { FormRejected, type ErrorCode, type FieldIssue } from '../../errors.ts';
import { isLocalDate, type LocalDate } from '../local-time.ts';
import { plainText } from '../plain-text.ts';

export type PlanInput = { purpose: string; theme: string; eventOn: LocalDate; targetMembers: string; places: number; budgetYuan: number };
export type PlanField = keyof PlanInput;
export type PlanReportInput = { attendance: number; satisfaction: number; note: string | null };
export type PlanReportField = keyof PlanReportInput;

const code = (c: ErrorCode) => ({ error: c });
const text = (max: number) => z.string(code('plan_text_missing')).check(plainText).trim().min(1, code('plan_text_missing')).max(max, code('plan_text_too_long'));
const whole = (max: number) =>
  z
    .string(code('plan_number_bad'))
    .trim()
    .regex(/^\d{1,9}$/, code('plan_number_bad'))
    .transform(Number)
    .refine((n) => n <= max, code('plan_number_bad'));

function rejectIssues<F extends string>(error: z.ZodError): never {
  // Our own checks carry a catalog code; the shared plain-text check (control characters) does not.
  const issues: FieldIssue<F>[] = error.issues.map((i) => ({
    field: String(i.path[0]) as F,
    message: (i.message.startsWith('plan_') ? `error.${i.message}` : 'error.plan_text_missing') as FieldIssue['message'],
  }));
  throw new FormRejected(issues);
}

export function parsePlanInput(raw: Record<string, unknown>, today: LocalDate): PlanInput {
  const schema = z.object({
    purpose: text(500),
    theme: text(200),
    eventOn: z
      .string(code('plan_date_missing'))
      .refine(isLocalDate, code('plan_date_missing'))
      .refine((d) => d >= today, code('plan_date_past')),
    targetMembers: text(500),
    places: whole(100_000).refine((n) => n >= 1, code('plan_number_bad')),
    budgetYuan: whole(10_000_000),
  });
  const parsed = schema.safeParse(raw);
  if (!parsed.success) rejectIssues<PlanField>(parsed.error);
  return parsed.data;
}

export function parsePlanReport(raw: Record<string, unknown>): PlanReportInput {
  const schema = z.object({
    attendance: whole(100_000),
    satisfaction: z.coerce.number(code('plan_satisfaction_missing')).int().min(1, code('plan_satisfaction_missing')).max(5, code('plan_satisfaction_missing')),
    note: z.string().check(plainText).trim().max(1000, code('plan_text_too_long')).nullish().transform((v) => v || null),
  });
  const parsed = schema.safeParse(raw);
  if (!parsed.success) rejectIssues<PlanReportField>(parsed.error);
  return parsed.data;
}

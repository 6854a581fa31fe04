// The two forms of the cross-region flow as plain values (no Slack in sight): what each
// field must hold. Empty inputs arrive as null and count as absent.
import { z } from 'zod';
import { choice } from '../choice.ts';
import { normalisePhone } from '../phone.ts';
import { plainText } from '../plain-text.ts';

export const xregionServices = ['bill_query', 'service_change', 'sim_replacement', 'roaming_activation', 'complaint', 'other'] as const;
export const xregionResults = ['done', 'partly_done', 'cannot_be_done'] as const;
export type XregionServiceCode = (typeof xregionServices)[number];
export type XregionResultCode = (typeof xregionResults)[number];

const blankAsEmpty = (value: unknown) => (value === null || value === undefined ? '' : value);
const text = (max: number) => z.preprocess(blankAsEmpty, z.string().check(plainText).trim().max(max));
const required = (max: number, key: string) => z.preprocess(blankAsEmpty, z.string().check(plainText).trim().min(1, key).max(max));
const optional = (max: number) => text(max).transform((value) => value || null);

const phone = z.preprocess(
  blankAsEmpty,
  z
    .string()
    .trim()
    .min(1, 'xregion.field.phone_required')
    .refine((value) => value === '' || normalisePhone(value) !== null, 'xregion.field.phone_invalid')
    .transform((value) => normalisePhone(value) ?? value),
);

// ── 受理单 ──
export const acceptanceFields = ['memberNumber', 'homeRegionCode', 'memberName', 'service', 'description', 'contactPhone', 'verifiedBy'] as const;
export type AcceptanceField = (typeof acceptanceFields)[number];
export type AcceptanceFormInput = Partial<Record<AcceptanceField, string | null>>;

export const acceptanceFormSchema = z.object({
  memberNumber: required(40, 'xregion.field.member_number_required'),
  homeRegionCode: optional(20).transform((code) => code?.toUpperCase() ?? null),
  memberName: optional(100),
  service: choice(xregionServices, { missing: 'xregion.field.service_required', unavailable: 'error.field_choice_unavailable' }),
  description: required(2000, 'xregion.field.description_required'),
  contactPhone: phone,
  verifiedBy: optional(100),
});
export type AcceptanceForm = z.output<typeof acceptanceFormSchema>;

/** What a correction may change: routing (member number, home region) stays as dispatched. */
export const acceptanceCorrectionFields = ['memberName', 'service', 'description', 'contactPhone', 'verifiedBy'] as const;
export const acceptanceCorrectionSchema = acceptanceFormSchema.pick({ memberName: true, service: true, description: true, contactPhone: true, verifiedBy: true });
export type AcceptanceCorrection = z.output<typeof acceptanceCorrectionSchema>;

// ── 回复单 ──
export const replyFields = ['result', 'reason', 'actionsTaken', 'handledBy', 'handledAt', 'notes'] as const;
export type ReplyField = (typeof replyFields)[number];
export type ReplyFormInput = { result?: string | null; reason?: string | null; actionsTaken?: string | null; handledBy?: string | null; handledAt?: Date | null; notes?: string | null };

export const replyFormSchema = z
  .object({
    result: choice(xregionResults, { missing: 'xregion.field.result_required', unavailable: 'error.field_choice_unavailable' }),
    reason: optional(1000),
    actionsTaken: required(2000, 'xregion.field.actions_required'),
    handledBy: required(100, 'xregion.field.handled_by_required'),
    handledAt: z.date({ error: 'xregion.field.handled_at_required' }),
    notes: optional(1000),
  })
  .superRefine((form, ctx) => {
    // Anything short of "done" owes the member an explanation.
    if (form.result !== 'done' && !form.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'xregion.field.reason_required' });
  });
export type ReplyForm = z.output<typeof replyFormSchema>;

// ── 退回 ──
export const rejectFields = ['reason'] as const;
export const rejectFormSchema = z.object({ reason: required(1000, 'xregion.field.reject_reason_required') });

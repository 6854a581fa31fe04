// The shape of one CSV row per directory kind. Column names are the CSV header names;
// empty cells mean "not given".
import { z } from 'zod';
import { phoneSchema } from '../phone.ts';
import { plainText } from '../plain-text.ts';
import { isValidTimezone } from '../timezone.ts';

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());
const required = z.string().check(plainText).trim().min(1, 'is required');
const code = z.string().trim().min(1, 'is required').max(32).regex(/^[A-Za-z0-9_-]+$/, 'may hold only letters, digits, - and _');
const channelId = z.string().trim().regex(/^[CG][A-Z0-9]{2,}$/, 'must be a Slack channel id such as C0123ABCD');
const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-01-31')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'is not a real date')
  .transform((s) => new Date(`${s}T00:00:00Z`));
const lower = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v), z.enum(values));

export const regionRow = z.object({
  code: code.transform((c) => c.toUpperCase()),
  name: required,
  ticket_channel: optional(channelId),
  cross_region_channel: optional(channelId),
  supervisor_channel: optional(channelId),
});

export const staffRow = z.object({
  slack_user_id: z.string().trim().regex(/^[UW][A-Z0-9]{2,}$/, 'must be a Slack user id such as U0123ABCD'),
  name: required,
  role: lower(['account_manager', 'field_engineer', 'supervisor', 'admin']),
  grade: optional(lower(['junior', 'mid', 'senior', 'star'])),
  region: optional(code.transform((c) => c.toUpperCase())),
  timezone: optional(z.string().trim().refine(isValidTimezone, 'must be an IANA time zone such as Asia/Shanghai')),
});

export const customerRow = z
  .object({
    code,
    name: required,
    kind: lower(['vip', 'group', 'strategic']),
    card_tier: optional(lower(['diamond', 'gold', 'silver'])),
    group_class: optional(z.preprocess((v) => (typeof v === 'string' ? v.trim().toUpperCase() : v), z.enum(['A', 'B', 'C', 'D', 'E']))),
    service_level: optional(z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.enum(['AAA', 'AA', 'A', 'standard']))),
    region: code.transform((c) => c.toUpperCase()),
    account_manager: optional(z.string().trim().regex(/^[UW][A-Z0-9]{2,}$/, 'must be a Slack user id such as U0123ABCD')),
    phone: optional(phoneSchema),
    joined_on: optional(isoDate),
    birthday: optional(isoDate),
  })
  .superRefine((row, ctx) => {
    if (row.kind === 'vip' && !row.card_tier) ctx.addIssue({ code: 'custom', path: ['card_tier'], message: 'is required for a VIP customer' });
    if (row.kind === 'group' && !row.group_class) ctx.addIssue({ code: 'custom', path: ['group_class'], message: 'is required for a group customer' });
  });

export const directoryRowSchemas = { regions: regionRow, staff: staffRow, customers: customerRow } as const;
export type DirectoryKind = keyof typeof directoryRowSchemas;
export const directoryKinds = Object.keys(directoryRowSchemas) as DirectoryKind[];

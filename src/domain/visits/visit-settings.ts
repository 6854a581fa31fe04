// The visit area's configuration: the follow-up policy's numbers and when reminders go
// out. Parsed with the rest of the environment in src/config.ts (variables in README).
import { z } from 'zod';
import type { Weekday } from '../local-time.ts';
import { cadenceKeys, defaultCadenceDays, type CadenceKey, type FollowUpPolicy } from './follow-up-policy.ts';

export type VisitSettings = {
  policy: FollowUpPolicy;
  /** Local time ('HH:mm') of each account manager's daily digest. */
  digestTime: string;
  /** On a day with nothing due, send a one-line all-clear (so silence means something is wrong). */
  digestAllClear: boolean;
  /** The regular week; the work calendar (src/domain/calendar/) overrides it date by date. */
  workingDays: Weekday[];
  weeklySummaryDay: Weekday;
  weeklySummaryTime: string;
  /** Best times to phone a customer, 'HH:mm-HH:mm' (seed: after work starts, before lunch, the hour before work ends). */
  bestCallTimes: string[];
};

const weekdayNames = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const hhmm = /^([01]\d|2[0-3]):[0-5]\d$/;
const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);

const time = z.string().trim().regex(hhmm, 'must be a time like 09:00');
const weekday = z
  .string()
  .trim()
  .toLowerCase()
  .refine((name) => (weekdayNames as readonly string[]).includes(name), 'must use mon, tue, wed, thu, fri, sat, sun')
  .transform((name) => (weekdayNames.indexOf(name as (typeof weekdayNames)[number]) + 1) as Weekday);
const list = <T extends z.ZodType<unknown, string>>(item: T) =>
  z.string().transform((raw) => raw.split(',').map((part) => part.trim()).filter(Boolean)).pipe(z.array(item));
/** An environment variable with a default written the way a person would write it. */
const variable = <T extends z.ZodType<unknown, string>>(fallback: string, parser: T) =>
  z.preprocess(emptyAsUndefined, z.string().default(fallback).pipe(parser));

const cadence = z
  .string()
  .transform((raw, ctx) => {
    const days: Partial<Record<CadenceKey, number>> = {};
    for (const pair of raw.split(',').map((p) => p.trim()).filter(Boolean)) {
      const [key, value] = pair.split('=').map((s) => s.trim());
      const n = Number(value);
      if (!(cadenceKeys as readonly string[]).includes(key!) || !Number.isInteger(n) || n < 1 || n > 366) {
        ctx.addIssue({ code: 'custom', message: `must be pairs like diamond=14,AAA=14 (keys: ${cadenceKeys.join(', ')}; 1–366 days)` });
        return z.NEVER;
      }
      days[key as CadenceKey] = n;
    }
    return days;
  });

export const visitConfigSchema = {
  VISIT_FIRST_CALLBACK_DAYS: variable('7', z.coerce.number<string>().int().min(1).max(60)),
  VISIT_NEW_CUSTOMER_DAYS: variable('30', z.coerce.number<string>().int().min(1).max(366)),
  VISIT_CADENCE_DAYS: variable('', cadence),
  VISIT_DIGEST_TIME: variable('09:00', time),
  VISIT_DIGEST_ALL_CLEAR: variable('yes', z.enum(['yes', 'no'], { error: 'must be yes or no' })),
  VISIT_WORKING_DAYS: variable('mon,tue,wed,thu,fri', list(weekday).refine((days) => days.length > 0, 'needs at least one day')),
  VISIT_DUE_ON_HOLIDAY: variable('next', z.enum(['next', 'previous', 'keep'], { error: 'must be next, previous or keep' })),
  VISIT_WEEKLY_SUMMARY_DAY: variable('mon', weekday),
  VISIT_WEEKLY_SUMMARY_TIME: variable('09:00', time),
  VISIT_BEST_CALL_TIMES: variable('09:00-10:00,11:00-12:00,17:00-18:00', list(z.string().regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, 'must be ranges like 09:00-10:00'))),
};

type ParsedVisitConfig = { [K in keyof typeof visitConfigSchema]: z.infer<(typeof visitConfigSchema)[K]> };

export function visitSettingsFrom(env: ParsedVisitConfig, defaultTimeZone: string): VisitSettings {
  return {
    policy: {
      firstCallbackDays: env.VISIT_FIRST_CALLBACK_DAYS,
      newCustomerWindowDays: env.VISIT_NEW_CUSTOMER_DAYS,
      cadenceDays: { ...defaultCadenceDays, ...env.VISIT_CADENCE_DAYS },
      timeZone: defaultTimeZone,
      workingDays: [...new Set(env.VISIT_WORKING_DAYS)].sort((a, b) => a - b),
      dueOnHoliday: env.VISIT_DUE_ON_HOLIDAY,
    },
    digestTime: env.VISIT_DIGEST_TIME,
    digestAllClear: env.VISIT_DIGEST_ALL_CLEAR === 'yes',
    workingDays: [...new Set(env.VISIT_WORKING_DAYS)].sort((a, b) => a - b),
    weeklySummaryDay: env.VISIT_WEEKLY_SUMMARY_DAY,
    weeklySummaryTime: env.VISIT_WEEKLY_SUMMARY_TIME,
    bestCallTimes: env.VISIT_BEST_CALL_TIMES,
  };
}

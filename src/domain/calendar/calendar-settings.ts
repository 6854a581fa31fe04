// The working hours deadlines counted in working hours use (a care callback's), parsed
// with the rest of the environment in src/config.ts (README: "The work calendar").
import { z } from 'zod';
import type { WorkingHours } from './work-calendar.ts';

const range = /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/;

export const calendarConfigSchema = {
  WORK_HOURS: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z
      .string()
      .default('09:00-18:00')
      .transform((raw) => raw.trim())
      .refine((raw) => range.test(raw) && raw.slice(0, 5) < raw.slice(6), 'must be a range like 09:00-18:00 (start before end)')
      .transform((raw): WorkingHours => ({ start: raw.slice(0, 5), end: raw.slice(6) })),
  ),
};

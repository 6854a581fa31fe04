// The care callback's configuration (故障回访): which customers get one after a fault and
// how many working hours the account manager has. Parsed in src/config.ts.
import { z } from 'zod';

export const careTiers = ['diamond', 'gold', 'silver', 'AAA', 'AA', 'A', 'standard'] as const;
export type CareTier = (typeof careTiers)[number];

export type CareSettings = {
  /** Card tiers (VIP) and service levels (group) whose restored tickets get a callback. */
  callbackTiers: CareTier[];
  callbackWorkingHours: number;
};

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);

export const careConfigSchema = {
  CARE_CALLBACK_TIERS: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .default('diamond,AAA,AA')
      .transform((raw) => raw.split(',').map((part) => part.trim()).filter(Boolean))
      .pipe(z.array(z.enum(careTiers, { error: `must list tiers among ${careTiers.join(', ')}` }))),
  ),
  CARE_CALLBACK_WORKING_HOURS: z.preprocess(emptyAsUndefined, z.coerce.number().positive().max(200).default(4)),
};

export function careSettingsFrom(env: { CARE_CALLBACK_TIERS: CareTier[]; CARE_CALLBACK_WORKING_HOURS: number }): CareSettings {
  return { callbackTiers: [...new Set(env.CARE_CALLBACK_TIERS)], callbackWorkingHours: env.CARE_CALLBACK_WORKING_HOURS };
}

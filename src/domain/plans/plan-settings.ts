// Activity plans' configuration (俱乐部活动方案签报): working days the supervisors have to
// answer, and working days after the event for the manager's report. Parsed in src/config.ts.
import { z } from 'zod';

export type PlanSettings = { answerWorkingDays: number; reportWorkingDays: number };

const workingDays = (fallback: number) => z.preprocess((value) => (value === '' ? undefined : value), z.coerce.number().int().min(1).max(30).default(fallback));

export const planConfigSchema = {
  PLAN_ANSWER_WORKING_DAYS: workingDays(3),
  PLAN_REPORT_WORKING_DAYS: workingDays(5),
};

export function planSettingsFrom(env: { PLAN_ANSWER_WORKING_DAYS: number; PLAN_REPORT_WORKING_DAYS: number }): PlanSettings {
  return { answerWorkingDays: env.PLAN_ANSWER_WORKING_DAYS, reportWorkingDays: env.PLAN_REPORT_WORKING_DAYS };
}

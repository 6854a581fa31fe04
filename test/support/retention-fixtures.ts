// Retention and approval set-up shared by integration tests: a seeded directory with
// extra Beijing supervisors, the default retention settings, and a case that needs approval.
import { loadConfig } from '../../src/config.ts';
import type { PrismaClient } from '../../src/db/client.ts';
import { ensureAdmins } from '../../src/domain/directory/ensure-admins.ts';
import { seedDemoDirectory } from '../../src/domain/directory/seed-demo-directory.ts';
import { recordRetentionCase, type RetentionCaseInput } from '../../src/domain/retention/record-retention-case.ts';
import { retentionSettings } from '../../src/domain/retention/retention-settings.ts';
import type { Clock } from '../../src/clock.ts';

export const settings = retentionSettings(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'test', BOT_TIMEZONE: 'Asia/Shanghai' }));

/** U0SUPBJ2 … U0SUPBJ{count+1}: more Beijing supervisors, for races between deciders. */
export async function seedDirectory(db: PrismaClient, clock: Clock, extraBeijingSupervisors = 0): Promise<string[]> {
  await seedDemoDirectory({ db, clock });
  await ensureAdmins({ db, clock }, ['U0ADMIN']);
  const ids = Array.from({ length: extraBeijingSupervisors }, (_, i) => `U0SUPBJ${i + 2}`);
  for (const id of ids) await db.staff.create({ data: { slackUserId: id, name: id, role: 'supervisor', regionCode: 'BJ', timezone: 'Asia/Shanghai' } });
  return ids;
}

export function caseInput(overrides: Partial<RetentionCaseInput> = {}): RetentionCaseInput {
  return {
    customerCode: 'C0003',
    trigger: 'booked_cancellation',
    reasons: ['tariff'],
    offerCode: 'bill_discount_10pct_6m',
    outcome: 'retained',
    followUpOn: null,
    notes: null,
    ...overrides,
  };
}

/** U0DEMOAM2 (junior, ¥200) offers C0003 something above it: returns the approval id. */
export async function pendingOffer(db: PrismaClient, clock: Clock, overrides: Partial<RetentionCaseInput> & { actorId?: string } = {}): Promise<bigint> {
  const { actorId = 'U0DEMOAM2', ...input } = overrides;
  const result = await recordRetentionCase({ db, clock }, settings, { ...caseInput(input), actorId });
  if (!result.approval) throw new Error('expected the offer to need approval');
  return result.approval.id;
}

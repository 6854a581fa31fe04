// Retention rules that are pure: how far a person's authority goes, whether an offer
// needs a supervisor, and when a "considering" follow-up reminder is due.
import type { StaffGrade, StaffRole } from '../../generated/prisma/enums.ts';
import { instantAt } from '../local-time.ts';

export type AuthorityByGrade = Record<StaffGrade, number>;

/**
 * The largest offer value (yuan) this person may make without approval, by grade. A
 * manager without a grade on file counts as junior; a supervisor or admin without one
 * as star. Above it even a supervisor's offer goes to another supervisor: nobody
 * approves their own.
 */
export function offerAuthority(staff: { role: StaffRole; grade: StaffGrade | null }, authority: AuthorityByGrade): number {
  const seniorRole = staff.role === 'supervisor' || staff.role === 'admin';
  return authority[staff.grade ?? (seniorRole ? 'star' : 'junior')];
}

export function offerNeedsApproval(offerValue: number, authority: number): boolean {
  return offerValue > authority;
}

/** The reminder arrives at `hour` o'clock on the follow-up date, in the manager's zone. */
export function followUpDueAt(followUpOn: string, timeZone: string, hour: number): Date {
  return instantAt(followUpOn, `${String(hour).padStart(2, '0')}:00`, timeZone);
}

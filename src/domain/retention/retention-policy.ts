// Retention rules that are pure: how far a person's authority goes, whether an offer
// needs a supervisor, and when a "considering" follow-up reminder is due.
import type { StaffGrade, StaffRole } from '../../generated/prisma/enums.ts';
import { instantAt } from './local-time.ts';

export type AuthorityByGrade = Record<StaffGrade, number>;

/**
 * The largest offer value (yuan) this person may make without approval. Managers go
 * by grade (no grade on file counts as junior); supervisors and admins are the ones
 * who approve, so their own offers need nobody's approval.
 */
export function offerAuthority(staff: { role: StaffRole; grade: StaffGrade | null }, authority: AuthorityByGrade): number {
  if (staff.role === 'supervisor' || staff.role === 'admin') return Number.POSITIVE_INFINITY;
  return authority[staff.grade ?? 'junior'];
}

export function offerNeedsApproval(offerValue: number, authority: number): boolean {
  return offerValue > authority;
}

/** The reminder arrives at `hour` o'clock on the follow-up date, in the manager's zone. */
export function followUpDueAt(followUpOn: string, timeZone: string, hour: number): Date {
  return instantAt(followUpOn, hour, timeZone);
}

// Who may decide an approval request. The requester never may; otherwise the kind
// decides, and by default that is a supervisor of the request's region or an admin.
import type { StaffMember } from '../directory/find-staff.ts';
import type { AnyApprovalKind, ApprovalSnapshot } from './approval-kind.ts';

export type DeciderRefusal = 'not_registered' | 'own_request' | 'not_a_decider';

export function isRegionSupervisorOrAdmin(decider: Pick<StaffMember, 'role' | 'regionCode'>, regionCode: string): boolean {
  return decider.role === 'admin' || (decider.role === 'supervisor' && decider.regionCode === regionCode);
}

export function deciderRefusal(
  decider: StaffMember | null,
  request: ApprovalSnapshot<unknown>,
  kind: AnyApprovalKind,
): DeciderRefusal | null {
  if (!decider || !decider.active) return 'not_registered';
  if (decider.slackUserId === request.requesterId) return 'own_request';
  const allowed = kind.mayDecide ? kind.mayDecide(decider, request) : isRegionSupervisorOrAdmin(decider, request.regionCode);
  return allowed ? null : 'not_a_decider';
}

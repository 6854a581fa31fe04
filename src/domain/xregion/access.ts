// Who may act on a request: the home region handles it (accept, reply, reject, correct
// the reply); the serving region owns the acceptance form it filled in. Admins may do both.
import { DomainError } from '../../errors.ts';
import { requireStaff, type StaffMember } from '../directory/find-staff.ts';
import type { Deps } from '../deps.ts';

type Routed = { homeRegionCode: string; servingRegionCode: string };

export async function requireHomeRegionStaff(deps: Pick<Deps, 'db'>, actorId: string, request: Routed, homeRegionName: string): Promise<StaffMember> {
  const staff = await requireStaff(deps, actorId);
  if (staff.role !== 'admin' && staff.regionCode !== request.homeRegionCode) {
    throw new DomainError('xregion_not_home_region', { region: homeRegionName });
  }
  return staff;
}

export async function requireServingRegionStaff(deps: Pick<Deps, 'db'>, actorId: string, request: Routed, servingRegionName: string): Promise<StaffMember> {
  const staff = await requireStaff(deps, actorId);
  if (staff.role !== 'admin' && staff.regionCode !== request.servingRegionCode) {
    throw new DomainError('xregion_not_serving_region', { region: servingRegionName });
  }
  return staff;
}

/** Where a staff member may look: admins everywhere, others requests touching their region. */
export function visibleRequestsFilter(staff: StaffMember) {
  if (staff.role === 'admin') return {};
  const region = staff.regionCode ?? '∅';
  return { OR: [{ homeRegionCode: region }, { servingRegionCode: region }] };
}

/** The region a staff member serves roaming members in: theirs. */
export async function requireServingRegion(deps: Pick<Deps, 'db'>, actorId: string) {
  const staff = await requireStaff(deps, actorId);
  if (!staff.region) throw new DomainError('xregion_opener_without_region');
  return staff.region;
}

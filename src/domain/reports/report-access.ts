// Who may ask for which region's monthly report: a supervisor their own region (the
// default), an admin any region (their own by default, if they have one); nobody else.
import { DomainError } from '../../errors.ts';
import type { Deps } from '../deps.ts';
import { requireStaff } from '../directory/find-staff.ts';

export async function reportRegionFor(deps: Pick<Deps, 'db'>, input: { actorId: string; regionCode?: string }): Promise<string> {
  const staff = await requireStaff(deps, input.actorId);
  const asked = input.regionCode?.toUpperCase();
  if (staff.role === 'supervisor') {
    if (!staff.regionCode) throw new DomainError('report_not_allowed');
    if (asked && asked !== staff.regionCode) throw new DomainError('report_other_region', { region: staff.region?.name ?? staff.regionCode });
    return staff.regionCode;
  }
  if (staff.role === 'admin') {
    const code = asked ?? staff.regionCode;
    if (!code) throw new DomainError('report_region_needed');
    if (!(await deps.db.region.findUnique({ where: { code } }))) throw new DomainError('report_unknown_region', { value: code });
    return code;
  }
  throw new DomainError('report_not_allowed');
}

// Whose customers a staff member may log visits for and read about: an account
// manager their own, a supervisor those of their region, an admin everyone's.
import type { Prisma } from '../../db/client.ts';
import type { StaffMember } from '../directory/find-staff.ts';

type Servable = { code: string; regionCode: string; accountManagerId: string | null };

export function canServeCustomer(staff: StaffMember, customer: Servable): boolean {
  switch (staff.role) {
    case 'admin':
      return true;
    case 'supervisor':
      return staff.regionCode !== null && customer.regionCode === staff.regionCode;
    case 'account_manager':
      return customer.accountManagerId === staff.slackUserId;
    default:
      return false;
  }
}

/** The same rule as a query filter, for searches and lists. */
export function servableCustomersWhere(staff: StaffMember): Prisma.CustomerWhereInput {
  switch (staff.role) {
    case 'admin':
      return {};
    case 'supervisor':
      return staff.regionCode ? { regionCode: staff.regionCode } : { code: { in: [] } };
    case 'account_manager':
      return { accountManagerId: staff.slackUserId };
    default:
      return { code: { in: [] } };
  }
}

/** Whether `staff` may see the visits logged by `manager`: their own, their region's as a supervisor, all as an admin. */
export function canOverseeManager(staff: StaffMember, manager: { slackUserId: string; regionCode: string | null }): boolean {
  if (staff.slackUserId === manager.slackUserId || staff.role === 'admin') return true;
  return staff.role === 'supervisor' && staff.regionCode !== null && staff.regionCode === manager.regionCode;
}

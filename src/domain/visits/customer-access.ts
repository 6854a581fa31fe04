// Whose customers a staff member may log visits for and read about: an account
// manager their own, a supervisor those of their region, an admin everyone's.
import { Prisma } from '../../db/client.ts';
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

/** The same rule again as SQL over `customers c`, for the ranked customer search. */
export function servableCustomersSql(staff: StaffMember): Prisma.Sql {
  switch (staff.role) {
    case 'admin':
      return Prisma.sql`TRUE`;
    case 'supervisor':
      return staff.regionCode ? Prisma.sql`c.region_code = ${staff.regionCode}` : Prisma.sql`FALSE`;
    case 'account_manager':
      return Prisma.sql`c.account_manager_id = ${staff.slackUserId}`;
    default:
      return Prisma.sql`FALSE`;
  }
}

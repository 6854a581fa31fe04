// What `/am whoami` shows: who you are to the bot and which customers are yours.
import type { Deps } from '../deps.ts';
import { requireStaff } from './find-staff.ts';

const customersShown = 20;

export async function describeStaffMember(deps: Pick<Deps, 'db'>, slackUserId: string) {
  const staff = await requireStaff(deps, slackUserId);
  const [customers, customerCount] = await Promise.all([
    deps.db.customer.findMany({
      where: { accountManagerId: staff.slackUserId },
      orderBy: { code: 'asc' },
      take: customersShown,
      select: { code: true, name: true, kind: true },
    }),
    deps.db.customer.count({ where: { accountManagerId: staff.slackUserId } }),
  ]);
  return {
    name: staff.name,
    role: staff.role,
    grade: staff.grade,
    region: staff.region ? { code: staff.region.code, name: staff.region.name } : null,
    timezone: staff.timezone,
    customers,
    customerCount,
  };
}

export type StaffDescription = Awaited<ReturnType<typeof describeStaffMember>>;

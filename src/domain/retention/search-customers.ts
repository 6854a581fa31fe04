// The customer picker of the /retain form: customers the person may record a case for
// (their own; a supervisor's region; an admin's all), matched by code or name.
import type { Deps } from '../deps.ts';
import { requireStaff } from '../directory/find-staff.ts';
import type { Prisma } from '../../db/client.ts';

const shown = 20;

export async function searchRetentionCustomers(deps: Pick<Deps, 'db'>, input: { actorId: string; query: string }) {
  const staff = await requireStaff(deps, input.actorId);
  const scope: Prisma.CustomerWhereInput =
    staff.role === 'admin' ? {}
    : staff.role === 'supervisor' ? { regionCode: staff.regionCode ?? '' }
    : { accountManagerId: staff.slackUserId };
  const query = input.query.trim();
  return deps.db.customer.findMany({
    where: {
      ...scope,
      ...(query ? { OR: [{ code: { startsWith: query, mode: 'insensitive' } }, { name: { contains: query, mode: 'insensitive' } }] } : {}),
    },
    orderBy: { code: 'asc' },
    take: shown,
    select: { code: true, name: true },
  });
}

import type { Deps } from '../deps.ts';
import { DomainError } from '../../errors.ts';

export async function findStaff(deps: Pick<Deps, 'db'>, slackUserId: string) {
  return deps.db.staff.findUnique({ where: { slackUserId }, include: { region: true } });
}

export type StaffMember = NonNullable<Awaited<ReturnType<typeof findStaff>>>;

/** The active staff member behind a Slack user, or an `unknown_user` refusal. */
export async function requireStaff(deps: Pick<Deps, 'db'>, slackUserId: string): Promise<StaffMember> {
  const staff = await findStaff(deps, slackUserId);
  if (!staff || !staff.active) throw new DomainError('unknown_user');
  return staff;
}

export async function requireAdmin(deps: Pick<Deps, 'db'>, slackUserId: string): Promise<StaffMember> {
  const staff = await requireStaff(deps, slackUserId);
  if (staff.role !== 'admin') throw new DomainError('not_admin');
  return staff;
}

/** Slack ids of the active admins, so refusals can say whom to ask. */
export async function listAdminIds(deps: Pick<Deps, 'db'>): Promise<string[]> {
  const admins = await deps.db.staff.findMany({
    where: { role: 'admin', active: true },
    select: { slackUserId: true },
    orderBy: { createdAt: 'asc' },
    take: 5,
  });
  return admins.map((a) => a.slackUserId);
}

// `/am staff @user ROLE REGION [GRADE]`: an admin registers or updates a colleague.
import { inTransaction } from '../../db/transaction.ts';
import type { Deps } from '../deps.ts';
import type { StaffGrade, StaffRole } from '../../generated/prisma/enums.ts';
import { DomainError } from '../../errors.ts';
import { recordAudit } from '../audit.ts';
import { requireAdmin } from './find-staff.ts';

export type RegisterStaffInput = {
  actorId: string;
  slackUserId: string;
  name: string;
  role: StaffRole;
  regionCode: string;
  grade?: StaffGrade;
  timezone?: string;
  locale?: string;
};

export type RegisterStaffResult = { created: boolean; previousRole: StaffRole | null; regionName: string };

export async function registerStaff(deps: Deps, input: RegisterStaffInput): Promise<RegisterStaffResult> {
  await requireAdmin(deps, input.actorId);
  const regionCode = input.regionCode.toUpperCase();
  const region = await deps.db.region.findUnique({ where: { code: regionCode } });
  if (!region) {
    const known = await deps.db.region.findMany({ select: { code: true }, orderBy: { code: 'asc' } });
    throw new DomainError('unknown_region', { region: input.regionCode, known: known.map((r) => r.code).join(', ') || '—' });
  }

  return inTransaction(deps.db, async (tx) => {
    const previous = await tx.staff.findUnique({ where: { slackUserId: input.slackUserId } });
    if (previous?.role === 'admin' && input.role !== 'admin') {
      const admins = await tx.staff.count({ where: { role: 'admin', active: true } });
      if (admins <= 1) throw new DomainError('cannot_demote_last_admin');
    }
    const data = {
      name: input.name,
      role: input.role,
      regionCode,
      grade: input.grade ?? previous?.grade ?? null,
      timezone: input.timezone ?? previous?.timezone ?? null,
      locale: input.locale ?? previous?.locale ?? null,
      active: true,
    };
    await tx.staff.upsert({
      where: { slackUserId: input.slackUserId },
      create: { slackUserId: input.slackUserId, ...data },
      update: data,
    });
    await recordAudit({ db: tx, clock: deps.clock }, {
      actorId: input.actorId,
      action: previous ? 'staff.updated' : 'staff.registered',
      subject: `staff:${input.slackUserId}`,
      detail: { role: input.role, regionCode, grade: data.grade, previousRole: previous?.role ?? null },
    });
    return { created: !previous, previousRole: previous?.role ?? null, regionName: region.name };
  });
}

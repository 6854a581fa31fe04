// The audit export (以备查): every acceptance and reply form version submitted in a
// period, with the request it belongs to (its regions, deadline, when it was closed and
// its latest acceptance form, so a reply row names the member), limited to what the
// asker may see. The forms hold members' numbers in full (PIPL): exports are for
// supervisors and admins only, and each one is audited (who, when, which period, how many).
import { DomainError } from '../../errors.ts';
import { recordAudit } from '../audit.ts';
import { requireStaff } from '../directory/find-staff.ts';
import type { Deps } from '../deps.ts';
import { visibleRequestsFilter } from './access.ts';

export const personalDataExportAction = 'pii.exported';

export async function listFormsForExport(deps: Deps, input: { actorId: string; from: Date; to: Date }) {
  const actor = await requireStaff(deps, input.actorId);
  if (actor.role !== 'supervisor' && actor.role !== 'admin') throw new DomainError('privacy_export_not_allowed');
  const request = visibleRequestsFilter(actor);
  const submittedAt = { gte: input.from, lt: input.to };
  const include = {
    request: {
      select: {
        number: true,
        openedAt: true,
        openedById: true,
        homeRegionCode: true,
        servingRegionCode: true,
        replyDeadline: true,
        status: true,
        closedAt: true,
        acceptanceForms: { orderBy: { version: 'desc' }, take: 1, select: { memberNumber: true, memberName: true } },
      },
    },
  } as const;
  const orderBy = [{ submittedAt: 'asc' as const }, { id: 'asc' as const }];
  const [acceptance, replies] = await Promise.all([
    deps.db.xregionAcceptanceForm.findMany({ where: { submittedAt, request }, include, orderBy }),
    deps.db.xregionReplyForm.findMany({ where: { submittedAt, request }, include, orderBy }),
  ]);
  const staffIds = [...new Set([...acceptance, ...replies].flatMap((f) => [f.submittedById, f.request.openedById]))];
  const [regions, staff] = await Promise.all([
    deps.db.region.findMany({ select: { code: true, name: true } }),
    deps.db.staff.findMany({ where: { slackUserId: { in: staffIds } }, select: { slackUserId: true, name: true } }),
  ]);
  if (acceptance.length + replies.length > 0) {
    await recordAudit(deps, {
      actorId: input.actorId,
      action: personalDataExportAction,
      subject: 'xregion:export',
      detail: { from: input.from.toISOString(), to: input.to.toISOString(), acceptanceForms: acceptance.length, replyForms: replies.length },
    });
  }
  return {
    acceptance,
    replies,
    regionNames: new Map(regions.map((r) => [r.code, r.name])),
    staffNames: new Map(staff.map((s) => [s.slackUserId, s.name])),
  };
}

export type ExportedForms = Awaited<ReturnType<typeof listFormsForExport>>;

// The audit export (以备查): every acceptance and reply form version submitted in a
// period, with the request it belongs to (its regions, deadline, when it was closed and
// its latest acceptance form, so a reply row names the member), limited to what the
// asker may see.
import { requireStaff } from '../directory/find-staff.ts';
import type { Deps } from '../deps.ts';
import { visibleRequestsFilter } from './access.ts';

export async function listFormsForExport(deps: Pick<Deps, 'db'>, input: { actorId: string; from: Date; to: Date }) {
  const actor = await requireStaff(deps, input.actorId);
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
  return {
    acceptance,
    replies,
    regionNames: new Map(regions.map((r) => [r.code, r.name])),
    staffNames: new Map(staff.map((s) => [s.slackUserId, s.name])),
  };
}

export type ExportedForms = Awaited<ReturnType<typeof listFormsForExport>>;

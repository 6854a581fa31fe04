// A request with what it is shown with: the latest version of each form, both regions
// and the member's account manager. Read by every renderer and by the deadline timer.
import { DomainError } from '../../errors.ts';
import type { Deps } from '../deps.ts';

export async function loadRequestRecord(deps: Pick<Deps, 'db'>, requestId: string) {
  const request = await deps.db.xregionRequest.findUnique({
    where: { id: requestId },
    include: {
      acceptanceForms: { orderBy: { version: 'desc' }, take: 1 },
      replyForms: { orderBy: { version: 'desc' }, take: 1 },
    },
  });
  if (!request) return null;
  const { acceptanceForms, replyForms, ...rest } = request;
  const regions = await deps.db.region.findMany({ where: { code: { in: [request.homeRegionCode, request.servingRegionCode] } } });
  const region = (code: string) => regions.find((r) => r.code === code) ?? { code, name: code, crossRegionChannelId: null, supervisorChannelId: null };
  const customer = request.customerCode
    ? await deps.db.customer.findUnique({ where: { code: request.customerCode }, select: { accountManagerId: true } })
    : null;
  return {
    request: rest,
    acceptance: acceptanceForms[0]!,
    reply: replyForms[0] ?? null,
    homeRegion: region(request.homeRegionCode),
    servingRegion: region(request.servingRegionCode),
    accountManagerId: customer?.accountManagerId ?? null,
  };
}

export type RequestRecord = NonNullable<Awaited<ReturnType<typeof loadRequestRecord>>>;

export async function requireRequestRecord(deps: Pick<Deps, 'db'>, requestId: string): Promise<RequestRecord> {
  const record = await loadRequestRecord(deps, requestId);
  if (!record) throw new DomainError('xregion_not_found');
  return record;
}

export const isClosed = (status: string) => status === 'replied' || status === 'rejected';

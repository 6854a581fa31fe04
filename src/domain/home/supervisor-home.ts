// A supervisor's Home: approval requests waiting for a decision, and what is overdue
// in the region — follow-ups past their date and cross-region requests past their
// reply deadline. Admins see every region's pending approvals.
import type { Deps } from '../deps.ts';
import type { LocalDate } from '../local-time.ts';
import { customerDues, type CustomerDue } from '../visits/customer-dues.ts';
import type { FollowUpPolicy } from '../visits/follow-up-policy.ts';
import { clampPage, pageFromDb, type PageRequest, type SectionPage } from './home-page.ts';

export async function pendingApprovals(deps: Pick<Deps, 'db'>, input: { regionCode: string | null; page: PageRequest }) {
  const where = { status: 'pending' as const, ...(input.regionCode ? { regionCode: input.regionCode } : {}) };
  return pageFromDb(
    input.page,
    () => deps.db.approvalRequest.count({ where }),
    (skip, take) =>
      deps.db.approvalRequest.findMany({
        where,
        orderBy: [{ expiresAt: 'asc' }, { id: 'asc' }],
        skip,
        take,
        include: { decisions: { orderBy: [{ at: 'asc' }, { id: 'asc' }] } },
      }),
  );
}

export type OverdueItem =
  | { kind: 'follow_up'; due: CustomerDue }
  | { kind: 'xregion'; id: string; number: string; replyDeadline: Date; handlerId: string | null; status: string };

/**
 * Overdue cross-region requests first (hours count there), then overdue follow-ups,
 * longest overdue first. Further kinds of overdue items (ticket breaches) join this list.
 */
export async function regionOverdue(
  deps: Deps,
  input: { regionCode: string; today: LocalDate; policy: FollowUpPolicy; page: PageRequest },
): Promise<SectionPage<OverdueItem>> {
  const now = deps.clock.now();
  const [requests, dues] = await Promise.all([
    deps.db.xregionRequest.findMany({
      where: { homeRegionCode: input.regionCode, status: { in: ['open', 'accepted'] }, replyDeadline: { lt: now } },
      orderBy: [{ replyDeadline: 'asc' }, { number: 'asc' }],
      select: { id: true, number: true, replyDeadline: true, handlerId: true, status: true },
    }),
    customerDues(deps.db, { regionCode: input.regionCode, status: 'active' }, input.today, input.policy),
  ]);
  const all: OverdueItem[] = [
    ...requests.map((r) => ({ kind: 'xregion' as const, ...r })),
    ...dues
      .filter((d) => d.status === 'overdue')
      .sort((a, b) => b.daysOverdue - a.daysOverdue || a.code.localeCompare(b.code))
      .map((due) => ({ kind: 'follow_up' as const, due })),
  ];
  const { page, pages, skip } = clampPage(input.page, all.length);
  return { items: all.slice(skip, skip + input.page.size), total: all.length, page, pages };
}

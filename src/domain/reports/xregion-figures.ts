// Cross-region requests a region handled as the home region in a month (opened in it),
// and how fast it answered: a reply or a refusal both end the wait, measured from the
// opening to that answer against the request's own reply deadline.
import type { Deps } from '../deps.ts';

export type XregionFigures = {
  /** Requests for the region's members, opened in the month (the region answers them). */
  received: number;
  replied: number;
  rejected: number;
  /** Still waiting for an answer now. */
  unanswered: number;
  answeredInTime: number;
  /** Answered after the deadline, or still unanswered past it. */
  late: number;
  averageReplyHours: number | null;
  longestReplyHours: number | null;
  /** Requests the region's own staff opened for roaming members of other regions. */
  served: number;
};

const hourMillis = 3_600_000;

export async function xregionFigures(deps: Deps, input: { regionCode: string; start: Date; end: Date }): Promise<XregionFigures> {
  const now = deps.clock.now();
  const opened = { gte: input.start, lt: input.end };
  const [requests, served] = await Promise.all([
    deps.db.xregionRequest.findMany({
      where: { homeRegionCode: input.regionCode, openedAt: opened },
      select: { status: true, openedAt: true, closedAt: true, replyDeadline: true },
    }),
    deps.db.xregionRequest.count({ where: { servingRegionCode: input.regionCode, openedAt: opened } }),
  ]);
  const answered = requests.filter((r) => r.closedAt && (r.status === 'replied' || r.status === 'rejected'));
  const replyHours = answered.map((r) => (r.closedAt!.getTime() - r.openedAt.getTime()) / hourMillis);
  const inTime = answered.filter((r) => r.closedAt! <= r.replyDeadline).length;
  const unanswered = requests.length - answered.length;
  const overdueWaiting = requests.filter((r) => !r.closedAt && r.replyDeadline < now).length;
  return {
    received: requests.length,
    replied: requests.filter((r) => r.status === 'replied').length,
    rejected: requests.filter((r) => r.status === 'rejected').length,
    unanswered,
    answeredInTime: inTime,
    late: answered.length - inTime + overdueWaiting,
    averageReplyHours: replyHours.length === 0 ? null : replyHours.reduce((a, b) => a + b, 0) / replyHours.length,
    longestReplyHours: replyHours.length === 0 ? null : Math.max(...replyHours),
    served,
  };
}

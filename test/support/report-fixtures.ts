// Known activity for Beijing around October 2026 (Asia/Shanghai), for the monthly report
// and the Home tab: visits on both sides of the month's edges, cross-region requests
// answered in time, late and not at all, fault tickets restored in time, late and not at
// all, and retention cases recorded by the product.
import type { Clock } from '../../src/clock.ts';
import type { PrismaClient } from '../../src/db/client.ts';
import { localDateOf, toDbDate } from '../../src/domain/local-time.ts';
import { recordRetentionCase, type RetentionCaseInput } from '../../src/domain/retention/record-retention-case.ts';
import type { ServiceLevel, TicketScope, TicketStatus, VisitKind, XregionStatus } from '../../src/generated/prisma/enums.ts';
import { refreshFollowUp } from '../../src/domain/visits/follow-up-state.ts';
import { defaultFollowUpPolicy } from '../../src/domain/visits/follow-up-policy.ts';
import { settings } from './retention-fixtures.ts';
import { testClock } from './test-clock.ts';

const tz = 'Asia/Shanghai';
const hour = 3_600_000;

async function visit(db: PrismaClient, authorId: string, customerCode: string, kind: VisitKind, localIso: string) {
  const occurredAt = new Date(`${localIso}+08:00`);
  await db.visit.create({
    data: {
      customerCode,
      authorId,
      kind,
      purposes: ['routine_care'],
      occurredAt,
      occurredOn: toDbDate(localDateOf(occurredAt, tz)),
      summary: 'fixture visit',
      source: 'modal',
      createdAt: occurredAt,
      updatedAt: occurredAt,
    },
  });
  // As logVisit does: the customer's next contact follows from their latest visit.
  await refreshFollowUp(db, { customerCode, policy: defaultFollowUpPolicy, now: occurredAt });
}

let requestCounter = 0;
export async function xregionRequest(
  db: PrismaClient,
  input: { home: string; serving: string; customerCode?: string; openedLocal: string; replyHours: number; status: XregionStatus; answeredAfterHours?: number; openedById?: string },
) {
  const openedAt = new Date(`${input.openedLocal}+08:00`);
  const number = `XR-FIX-${String(++requestCounter).padStart(4, '0')}`;
  return db.xregionRequest.create({
    data: {
      number,
      homeRegionCode: input.home,
      servingRegionCode: input.serving,
      customerCode: input.customerCode ?? null,
      openedById: input.openedById ?? 'U0DEMOAM3',
      openedAt,
      replyDeadline: new Date(openedAt.getTime() + input.replyHours * hour),
      status: input.status,
      closedAt: input.answeredAfterHours === undefined ? null : new Date(openedAt.getTime() + input.answeredAfterHours * hour),
      acceptanceForms: {
        create: {
          version: 1,
          memberNumber: '13800000000',
          memberName: 'Fixture Member',
          homeRegionCode: input.home,
          servingRegionCode: input.serving,
          service: 'bill_query',
          description: 'fixture',
          contactPhone: '13800000000',
          replyDeadline: new Date(openedAt.getTime() + input.replyHours * hour),
          submittedById: input.openedById ?? 'U0DEMOAM3',
          submittedAt: openedAt,
        },
      },
    },
  });
}

let ticketCounter = 0;
/** A ticket as the tickets area stores it (window and deadline by the SLA policy's numbers). */
export async function ticket(
  db: PrismaClient,
  input: { customerCode: string; region: string; level: ServiceLevel; scope: TicketScope; openedLocal: string; windowHours: number; status: TicketStatus; restoredAfterMinutes?: number; claimerId?: string },
) {
  const openedAt = new Date(`${input.openedLocal}+08:00`);
  const restoreDeadline = new Date(openedAt.getTime() + input.windowHours * hour);
  return db.ticket.create({
    data: {
      number: `T-FIX-${String(++ticketCounter).padStart(4, '0')}`,
      customerCode: input.customerCode,
      regionCode: input.region,
      serviceType: 'internet_line',
      scope: input.scope,
      serviceLevel: input.level,
      description: 'fixture fault',
      status: input.status,
      openedById: 'U0DEMOAM1',
      openedAt,
      windowMinutes: input.windowHours * 60,
      restoreDeadline,
      unclaimedSince: input.status === 'open' ? openedAt : null,
      claimerId: input.claimerId ?? (input.status === 'open' || input.status === 'cancelled' ? null : 'U0DEMOENG1'),
      claimedAt: input.status === 'open' ? null : openedAt,
      restoredAt: input.restoredAfterMinutes === undefined ? null : new Date(openedAt.getTime() + input.restoredAfterMinutes * 60_000),
      cancelledAt: input.status === 'cancelled' ? openedAt : null,
    },
  });
}

async function retentionCase(db: PrismaClient, at: string, actorId: string, input: Partial<RetentionCaseInput> & { customerCode: string }) {
  const clock: Clock = testClock(at);
  await recordRetentionCase({ db, clock }, settings, {
    trigger: 'churn_warning',
    reasons: ['tariff'],
    offerCode: 'none',
    outcome: 'retained',
    followUpOn: null,
    notes: null,
    actorId,
    ...input,
  });
}

/** Seeds October 2026 in Beijing; see test/integration/monthly-report.test.ts for the hand calculation. */
export async function seedOctoberActivity(db: PrismaClient): Promise<void> {
  // Visits (local Beijing time).
  await visit(db, 'U0DEMOAM1', 'C0001', 'on_site', '2026-10-01T00:30:00'); // first minutes of October (still September in UTC)
  await visit(db, 'U0DEMOAM1', 'C0001', 'phone', '2026-10-15T10:00:00');
  await visit(db, 'U0DEMOAM1', 'C0004', 'phone', '2026-10-20T15:00:00');
  await visit(db, 'U0DEMOAM2', 'C0003', 'on_site', '2026-10-31T23:30:00'); // last minutes of October
  await visit(db, 'U0DEMOAM2', 'C0003', 'phone', '2026-11-01T00:10:00'); // November here, October in UTC: not counted
  await visit(db, 'U0DEMOAM1', 'C0002', 'callback_survey', '2026-09-30T23:50:00'); // September: not counted
  await visit(db, 'U0DEMOSUP1', 'C0002', 'club_event', '2026-10-10T19:00:00'); // a supervisor's visit counts too
  await visit(db, 'U0DEMOAM3', 'C0006', 'on_site', '2026-10-12T10:00:00'); // Shanghai: not Beijing's

  // Cross-region requests for Beijing members (home BJ), and one Beijing served for Shanghai.
  await xregionRequest(db, { home: 'BJ', serving: 'SH', customerCode: 'C0004', openedLocal: '2026-10-05T10:00:00', replyHours: 4, status: 'replied', answeredAfterHours: 2 });
  await xregionRequest(db, { home: 'BJ', serving: 'SH', customerCode: 'C0005', openedLocal: '2026-10-12T09:00:00', replyHours: 8, status: 'rejected', answeredAfterHours: 10 });
  await xregionRequest(db, { home: 'BJ', serving: 'GZ', customerCode: 'C0004', openedLocal: '2026-10-28T09:00:00', replyHours: 24, status: 'open' });
  await xregionRequest(db, { home: 'BJ', serving: 'SH', openedLocal: '2026-09-30T20:00:00', replyHours: 24, status: 'replied', answeredAfterHours: 1 }); // September
  await xregionRequest(db, { home: 'SH', serving: 'BJ', openedLocal: '2026-10-07T11:00:00', replyHours: 24, status: 'open', openedById: 'U0DEMOAM1' });

  // Retention cases, recorded as the product records them (status history included).
  await retentionCase(db, '2026-09-28T02:00:00Z', 'U0DEMOAM1', { customerCode: 'C0001', outcome: 'retained' }); // September
  await retentionCase(db, '2026-10-08T02:00:00Z', 'U0DEMOAM2', { customerCode: 'C0003', trigger: 'arrears', outcome: 'retained' });
  await retentionCase(db, '2026-10-20T02:00:00Z', 'U0DEMOAM1', { customerCode: 'C0002', trigger: 'booked_cancellation', outcome: 'churned', reasons: ['competitor'] });
  await retentionCase(db, '2026-10-25T02:00:00Z', 'U0DEMOAM1', { customerCode: 'C0004', trigger: 'contract_expiry', outcome: 'considering', followUpOn: '2026-11-30' });

  // Fault tickets of October (SLA: AAA 2 h / 4 h across provinces, AA 4 h, A 6 h).
  await ticket(db, { customerCode: 'C0001', region: 'BJ', level: 'AAA', scope: 'within_province', openedLocal: '2026-10-03T10:00:00', windowHours: 2, status: 'closed', restoredAfterMinutes: 90 });
  await ticket(db, { customerCode: 'C0001', region: 'BJ', level: 'AAA', scope: 'within_province', openedLocal: '2026-10-10T09:00:00', windowHours: 2, status: 'restored', restoredAfterMinutes: 180 });
  await ticket(db, { customerCode: 'C0004', region: 'BJ', level: 'AAA', scope: 'across_provinces', openedLocal: '2026-10-15T14:00:00', windowHours: 4, status: 'closed', restoredAfterMinutes: 239 });
  await ticket(db, { customerCode: 'C0002', region: 'BJ', level: 'AA', scope: 'within_province', openedLocal: '2026-10-20T08:00:00', windowHours: 4, status: 'claimed' }); // never restored
  await ticket(db, { customerCode: 'C0003', region: 'BJ', level: 'A', scope: 'within_province', openedLocal: '2026-10-31T23:00:00', windowHours: 6, status: 'restored', restoredAfterMinutes: 240 });
  await ticket(db, { customerCode: 'C0003', region: 'BJ', level: 'A', scope: 'within_province', openedLocal: '2026-11-01T00:30:00', windowHours: 6, status: 'restored', restoredAfterMinutes: 600 }); // November
  await ticket(db, { customerCode: 'C0001', region: 'BJ', level: 'AAA', scope: 'within_province', openedLocal: '2026-10-22T10:00:00', windowHours: 2, status: 'cancelled' });
  await ticket(db, { customerCode: 'C0006', region: 'SH', level: 'AAA', scope: 'within_province', openedLocal: '2026-10-05T10:00:00', windowHours: 2, status: 'restored', restoredAfterMinutes: 500 });
}

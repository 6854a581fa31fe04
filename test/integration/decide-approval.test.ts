// Approval decisions on a real Postgres: who may decide, and "first decision wins" under
// real concurrency (parallel transactions through the connection pool).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideApproval, type DecideResult } from '../../src/domain/approvals/decide-approval.ts';
import { expireApproval } from '../../src/domain/approvals/expire-approval.ts';
import { DomainError } from '../../src/errors.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { pendingOffer, seedDirectory } from '../support/retention-fixtures.ts';
import { hours, testClock } from '../support/test-clock.ts';

let database: TestDatabase;
let supervisors: string[];
const clock = testClock('2026-11-23T02:00:00Z');
const deps = () => ({ db: database.db, clock });

beforeAll(async () => {
  database = await createTestDatabase();
  supervisors = ['U0DEMOSUP1', ...(await seedDirectory(database.db, clock, 7))];
});
afterAll(() => database.drop());

async function stateOf(requestId: bigint) {
  const request = await database.db.approvalRequest.findUniqueOrThrow({ where: { id: requestId }, include: { decisions: true } });
  const retentionCase = await database.db.retentionCase.findUniqueOrThrow({ where: { id: BigInt(request.subjectId) } });
  return { request, retentionCase };
}

describe('first decision wins', () => {
  it('leaves exactly one decision when eight supervisors approve and reject at the same moment', async () => {
    for (let round = 0; round < 3; round++) {
      const requestId = await pendingOffer(database.db, clock);
      const results = await Promise.all(
        supervisors.map((deciderId, i) =>
          decideApproval(deps(), { requestId, deciderId, verdict: i % 2 === 0 ? 'approve' : 'reject', reason: 'budget' }),
        ),
      );
      const winners = results.filter((r): r is Extract<DecideResult, { result: 'decided' }> => r.result === 'decided');
      expect(winners).toHaveLength(1);
      expect(results.filter((r) => r.result === 'already_decided')).toHaveLength(supervisors.length - 1);

      const { request, retentionCase } = await stateOf(requestId);
      expect(request.decisions).toHaveLength(1);
      expect(request.status).toBe(winners[0]!.status);
      expect(request.decisions[0]!.verdict).toBe(request.status === 'approved' ? 'approve' : 'reject');
      // The case agrees with the one decision that stands.
      if (request.status === 'approved') expect(retentionCase).toMatchObject({ status: 'closed', offerCode: 'bill_discount_10pct_6m' });
      else expect(retentionCase).toMatchObject({ status: 'open', offerCode: null, proposedOfferCode: null });
    }
  });

  it('counts two simultaneous approvals of a two-approver request once each and approves once', async () => {
    const requestId = await pendingOffer(database.db, clock, { customerCode: 'C0005', offerCode: 'private_line_discount_12m' });
    expect((await stateOf(requestId)).request.requiredApprovals).toBe(2);
    const results = await Promise.all([
      decideApproval(deps(), { requestId, deciderId: supervisors[1]!, verdict: 'approve' }),
      decideApproval(deps(), { requestId, deciderId: supervisors[2]!, verdict: 'approve' }),
    ]);
    expect(results.map((r) => r.result).sort()).toEqual(['counted', 'decided']);
    const { request, retentionCase } = await stateOf(requestId);
    expect(request).toMatchObject({ status: 'approved', approvalCount: 2 });
    expect(request.decisions).toHaveLength(2);
    expect(retentionCase).toMatchObject({ status: 'closed', offerCode: 'private_line_discount_12m', offerValue: 6000 });
    const recorded = await database.db.auditEntry.count({ where: { subject: `retention_case:${retentionCase.id}`, action: 'retention.offer_recorded' } });
    expect(recorded).toBe(1);
  });

  it('counts one person clicking Approve twice at once as one approval', async () => {
    const requestId = await pendingOffer(database.db, clock, { customerCode: 'C0005', offerCode: 'private_line_discount_12m' });
    const results = await Promise.all([1, 2, 3].map(() => decideApproval(deps(), { requestId, deciderId: supervisors[3]!, verdict: 'approve' })));
    expect(results.map((r) => r.result).sort()).toEqual(['already_voted', 'already_voted', 'counted']);
    const { request, retentionCase } = await stateOf(requestId);
    expect(request).toMatchObject({ status: 'pending', approvalCount: 1 });
    expect(retentionCase).toMatchObject({ status: 'pending_approval', offerCode: null });
    // Settle it so later tests can make new offers for this customer.
    await decideApproval(deps(), { requestId, deciderId: supervisors[4]!, verdict: 'reject', reason: 'not now' });
  });

  it('lets either the expiry or an approval at the expiry instant win, never both', async () => {
    const requestId = await pendingOffer(database.db, clock);
    const atExpiry = testClock(new Date(clock.now().getTime() + hours(24)).toISOString());
    const [expired, decided] = await Promise.all([
      expireApproval({ db: database.db, clock: atExpiry }, requestId),
      decideApproval({ db: database.db, clock: atExpiry }, { requestId, deciderId: supervisors[0]!, verdict: 'approve' }),
    ]);
    const { request } = await stateOf(requestId);
    if (expired) {
      expect(request.status).toBe('expired');
      expect(decided.result).toBe('already_decided');
      expect(request.decisions).toHaveLength(0);
    } else {
      expect(request.status).toBe('approved');
      expect(decided.result).toBe('decided');
    }
  });
});

describe('who may decide', () => {
  async function refusal(requestId: bigint, deciderId: string): Promise<string> {
    const error = await decideApproval(deps(), { requestId, deciderId, verdict: 'approve' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).code;
  }

  it('refuses managers, other regions’ supervisors, strangers and the requester, audits each attempt, and changes nothing', async () => {
    const requestId = await pendingOffer(database.db, clock);
    expect(await refusal(requestId, 'U0DEMOAM1')).toBe('approval_not_a_decider');
    expect(await refusal(requestId, 'U0DEMOSUP2')).toBe('approval_not_a_decider'); // Shanghai
    expect(await refusal(requestId, 'U0DEMOENG1')).toBe('approval_not_a_decider');
    expect(await refusal(requestId, 'U0NOBODY')).toBe('unknown_user');
    expect(await refusal(requestId, 'U0DEMOAM2')).toBe('approval_own_request');

    const { request, retentionCase } = await stateOf(requestId);
    expect(request).toMatchObject({ status: 'pending', approvalCount: 0 });
    expect(request.decisions).toHaveLength(0);
    expect(retentionCase.status).toBe('pending_approval');
    const audited = await database.db.auditEntry.findMany({ where: { subject: `approval:${requestId}`, action: 'approval.refused' }, orderBy: { id: 'asc' } });
    expect(audited.map((a) => [a.actorId, (a.detail as { refusal: string }).refusal])).toEqual([
      ['U0DEMOAM1', 'not_a_decider'],
      ['U0DEMOSUP2', 'not_a_decider'],
      ['U0DEMOENG1', 'not_a_decider'],
      ['U0NOBODY', 'not_registered'],
      ['U0DEMOAM2', 'own_request'],
    ]);
    // An admin of no region may decide.
    expect((await decideApproval(deps(), { requestId, deciderId: 'U0ADMIN', verdict: 'approve' })).result).toBe('decided');
  });

  it('never lets a supervisor decide their own request, even one above their own authority', async () => {
    const requestId = await pendingOffer(database.db, clock, { actorId: 'U0DEMOSUP1', customerCode: 'C0001', offerCode: 'bill_discount_20pct_12m' });
    expect(await refusal(requestId, 'U0DEMOSUP1')).toBe('approval_own_request');
    expect((await decideApproval(deps(), { requestId, deciderId: supervisors[1]!, verdict: 'approve' })).result).toBe('decided');
  });

  it('requires a reason to reject', async () => {
    const requestId = await pendingOffer(database.db, clock, { customerCode: 'C0001', offerCode: 'bill_discount_20pct_12m', actorId: 'U0DEMOAM1' });
    const error = await decideApproval(deps(), { requestId, deciderId: 'U0DEMOSUP1', verdict: 'reject', reason: '  ' }).catch((e: unknown) => e);
    expect((error as DomainError).code).toBe('approval_reason_required');
    expect((await stateOf(requestId)).request.status).toBe('pending');
  });
});

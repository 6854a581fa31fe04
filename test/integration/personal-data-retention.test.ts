// The retention setting (PIPL) on a real Postgres: records closed longer than
// PII_RETENTION_MONTHS lose their personal data — a ticket its contact, a cross-region
// request its member's name, number and phone (masked in the forms, the one change the
// forms' trigger allows) — while everything the audit archive needs stays; each record
// is audited once, a second run changes nothing, and a reveal afterwards has nothing to show.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoDirectory } from '../../src/domain/directory/seed-demo-directory.ts';
import { anonymiseClosedRecords, maskName, retentionCutoff } from '../../src/domain/privacy/anonymise-closed-records.ts';
import { revealNumber } from '../../src/domain/privacy/reveal-number.ts';
import { openTicket } from '../../src/domain/tickets/open-ticket.ts';
import { openCrossRegionRequest } from '../../src/domain/xregion/open-request.ts';
import { DomainError } from '../../src/errors.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { testClock } from '../support/test-clock.ts';
import { testConfig } from '../support/test-config.ts';

let database: TestDatabase;
const clock = testClock('2026-01-10T02:00:00Z');
const policy = { replyHours: { diamond: 4, gold: 8, silver: 24, other: 24 }, reminderLeadMinutes: 60 };

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

describe('anonymising closed records after the retention period', () => {
  it('removes personal data of old closed records only, keeps the archive, audits each once', async () => {
    const config = testConfig({ databaseUrl: database.url, slackApiUrl: 'http://127.0.0.1:9/api/' });
    const deps = { db: database.db, clock, config };
    await seedDemoDirectory(deps);
    const ticketInput = { actorId: 'U0DEMOSUP1', customerCode: 'C0001', serviceType: 'data_line', scope: 'within_province', description: 'No traffic', contactName: 'Mr Wang', contactPhone: '13800138000' } as const;
    const old = (await openTicket(deps, ticketInput)).ticket;
    const recent = (await openTicket(deps, ticketInput)).ticket;
    const stillOpen = (await openTicket(deps, ticketInput)).ticket;
    await database.db.ticket.update({ where: { id: old.id }, data: { status: 'closed', closedAt: new Date('2026-01-20T00:00:00Z') } });
    await database.db.ticket.update({ where: { id: recent.id }, data: { status: 'closed', closedAt: new Date('2028-12-01T00:00:00Z') } });
    const form = { memberNumber: '138 0101 0001', service: 'bill_query', description: '查询账单', contactPhone: '13912345678' };
    const { requestId } = await openCrossRegionRequest(deps, { openerId: 'U0DEMOAM3', form, policy, timeZone: 'Asia/Shanghai' });
    const { requestId: openRequestId } = await openCrossRegionRequest(deps, { openerId: 'U0DEMOAM3', form, policy, timeZone: 'Asia/Shanghai' });
    await database.db.xregionRequest.update({ where: { id: requestId }, data: { status: 'replied', closedAt: new Date('2026-01-11T00:00:00Z'), handlerId: 'U0DEMOAM2' } });

    // 36 months later (Feb 2029): January 2026 is past the cutoff, December 2028 is not.
    clock.set('2029-02-01T00:00:00Z');
    expect(retentionCutoff(clock.now(), 36).toISOString()).toBe('2026-02-01T00:00:00.000Z');
    expect(await anonymiseClosedRecords(deps, { retentionMonths: 36 })).toEqual({ tickets: 1, requests: 1 });

    const tickets = await database.db.ticket.findMany({ where: { id: { in: [old.id, recent.id, stillOpen.id] } } });
    const byId = (id: string) => tickets.find((t) => t.id === id)!;
    expect(byId(old.id)).toMatchObject({ contactName: null, contactPhone: null, number: old.number, description: 'No traffic', status: 'closed' });
    expect(byId(old.id).anonymisedAt?.toISOString()).toBe('2029-02-01T00:00:00.000Z');
    expect(byId(recent.id)).toMatchObject({ contactName: 'Mr Wang', contactPhone: '13800138000', anonymisedAt: null });
    expect(byId(stillOpen.id)).toMatchObject({ contactPhone: '13800138000', anonymisedAt: null });

    // The acceptance form keeps what the archive needs; the member is masked.
    const [masked] = await database.db.xregionAcceptanceForm.findMany({ where: { requestId } });
    expect(masked).toMatchObject({ memberName: '周**', memberNumber: '138****0001', contactPhone: '139****5678', service: 'bill_query', description: '查询账单', homeRegionCode: 'BJ', servingRegionCode: 'SH', submittedById: 'U0DEMOAM3', version: 1 });
    const [untouched] = await database.db.xregionAcceptanceForm.findMany({ where: { requestId: openRequestId } });
    expect(untouched).toMatchObject({ memberName: '周文华', memberNumber: '13801010001', contactPhone: '13912345678' });
    const request = await database.db.xregionRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(request).toMatchObject({ status: 'replied', handlerId: 'U0DEMOAM2', homeRegionCode: 'BJ', servingRegionCode: 'SH' });

    const audit = await database.db.auditEntry.findMany({ where: { action: 'pii.anonymised' }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => [a.actorId, a.subject])).toEqual([['system', `ticket:${old.id}`], ['system', `xregion:${request.number}`]]);

    // Idempotent: a second run (another process, the next hour) finds nothing to do.
    expect(await anonymiseClosedRecords(deps, { retentionMonths: 36 })).toEqual({ tickets: 0, requests: 0 });
    expect(await database.db.auditEntry.count({ where: { action: 'pii.anonymised' } })).toBe(2);

    // Nothing left to reveal, even to the handler.
    await expect(revealNumber(deps, { viewerId: 'U0DEMOAM2', record: { kind: 'xregion', id: requestId } })).rejects.toThrow(DomainError);
  });

  it('still refuses any other change to a form, and an unmasked rewrite of its member', async () => {
    const [form] = await database.db.xregionAcceptanceForm.findMany({ where: { memberName: '周文华' }, take: 1 });
    await expect(database.db.$executeRaw`UPDATE xregion_acceptance_forms SET member_name = '周**', contact_phone = '139****5678', description = 'rewritten' WHERE id = ${form!.id}`).rejects.toThrow(/kept for audit/);
    await expect(database.db.$executeRaw`UPDATE xregion_acceptance_forms SET member_name = '别人', contact_phone = '13000000000' WHERE id = ${form!.id}`).rejects.toThrow(/kept for audit/);
    await expect(database.db.$executeRaw`DELETE FROM xregion_acceptance_forms WHERE id = ${form!.id}`).rejects.toThrow(/kept for audit/);
  });

  it('masks names to their first character', () => {
    expect(maskName('周文华')).toBe('周**');
    expect(maskName(' Li Na')).toBe('L**');
  });
});

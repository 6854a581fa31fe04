// Two supervisors mark the same ticket major at the same instant: both markings are
// kept (their customers linked), but exactly one is the first — the one that escalates
// to the supervisors — on a real database with real concurrency.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markTicketMajor } from '../../src/domain/tickets/mark-ticket-major.ts';
import { openTicket } from '../../src/domain/tickets/open-ticket.ts';
import { ticketAnnouncementKinds } from '../../src/domain/tickets/ticket-announcements.ts';
import { seedDemoDirectory } from '../../src/domain/directory/seed-demo-directory.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { testClock } from '../support/test-clock.ts';
import { testConfig } from '../support/test-config.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

describe('marking a ticket major', () => {
  it('has exactly one first marking when two come at once', async () => {
    const config = testConfig({ databaseUrl: database.url, slackApiUrl: 'http://127.0.0.1:9/api/' });
    const deps = { db: database.db, clock: testClock('2026-11-23T02:00:00Z'), config };
    await seedDemoDirectory(deps);
    await database.db.staff.create({ data: { slackUserId: 'U0SUPBJ2', name: '周敏', role: 'supervisor', regionCode: 'BJ' } });
    for (let round = 0; round < 5; round++) {
      const { ticket } = await openTicket(deps, { actorId: 'U0DEMOSUP1', customerCode: 'C0001', serviceType: 'data_line', scope: 'within_province', description: `Round ${round}` });
      await Promise.all([
        markTicketMajor(deps, { ticket: ticket.id, actorId: 'U0DEMOSUP1', customerCodes: ['C0002'] }),
        markTicketMajor(deps, { ticket: ticket.id, actorId: 'U0SUPBJ2', customerCodes: ['C0003'] }),
      ]);
      const markings = await database.db.outboxMessage.findMany({ where: { kind: ticketAnnouncementKinds.major, subject: `ticket:${ticket.id}` } });
      expect(markings).toHaveLength(2);
      expect(markings.filter((m) => (m.payload as { firstMarking: boolean }).firstMarking)).toHaveLength(1);
      expect((await database.db.ticketAffectedCustomer.findMany({ where: { ticketId: ticket.id } })).map((a) => a.customerCode).sort()).toEqual(['C0002', 'C0003']);
    }
  });
});

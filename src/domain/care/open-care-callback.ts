// A restored ticket of a diamond, AAA or AA customer owes the account manager a care
// callback: one per ticket, due CARE_CALLBACK_WORKING_HOURS working hours after the
// restore (working days from the work calendar, WORK_HOURS in the manager's time zone).
// Written in the restore's transaction, with its timer and the task's announcement.
import type { Config } from '../../config.ts';
import type { Prisma } from '../../db/client.ts';
import { recordAudit } from '../audit.ts';
import { loadWorkCalendar } from '../calendar/load-work-calendar.ts';
import { addWorkingHours } from '../calendar/work-calendar.ts';
import type { TicketRecord } from '../tickets/find-ticket.ts';
import { scheduleTimer } from '../timers/schedule-timer.ts';
import { staffTimeZone } from '../visits/reminder-schedule.ts';
import { announceCare, careAnnouncementKinds } from './care-announcements.ts';
import { owesCareCallback } from './care-callback-policy.ts';

export const careCallbackTimer = 'care.callback_due';

export type CareConfig = Pick<Config, 'care' | 'workingHours' | 'timezone'> & { visits: Pick<Config['visits'], 'workingDays'> };

export async function openCareCallback(tx: Prisma.TransactionClient, input: { ticket: TicketRecord; now: Date; config: CareConfig }): Promise<bigint | null> {
  const { ticket, now, config } = input;
  const managerId = ticket.customer.accountManagerId;
  if (!managerId || !owesCareCallback(ticket, config.care.callbackTiers)) return null;
  // Restored once before (restored, reopened, restored again): the first callback stands.
  if (await tx.careCallback.findUnique({ where: { ticketId: ticket.id } })) return null;
  const manager = await tx.staff.findUnique({ where: { slackUserId: managerId }, select: { timezone: true, active: true } });
  if (!manager?.active) return null;
  const calendar = await loadWorkCalendar(tx, { around: now, regularWeek: config.visits.workingDays });
  const dueAt = addWorkingHours(calendar, now, config.care.callbackWorkingHours, { timeZone: staffTimeZone(manager, config.timezone), workingHours: config.workingHours });
  const callback = await tx.careCallback.create({
    data: { ticketId: ticket.id, customerCode: ticket.customerCode, managerId, regionCode: ticket.customer.regionCode, createdAt: now, dueAt },
  });
  const deps = { db: tx, clock: { now: () => now } };
  await scheduleTimer(deps, { kind: careCallbackTimer, subjectId: String(callback.id), dueAt });
  await recordAudit(deps, {
    actorId: 'system',
    action: 'care.callback_opened',
    subject: `care_callback:${callback.id}`,
    detail: { ticket: ticket.number, customer: ticket.customerCode, managerId, dueAt: dueAt.toISOString() },
  });
  await announceCare(deps, careAnnouncementKinds.task, callback.id);
  return callback.id;
}

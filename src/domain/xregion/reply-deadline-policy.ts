// How long the home region has to reply to a cross-region request, and when the
// deadline messages fall due. Pure: the hours come from config (XREGION_REPLY_HOURS_*),
// the instants from the caller, so every boundary can be tested exactly.
import type { CardTier } from '../../generated/prisma/enums.ts';

export type ReplyDeadlinePolicy = {
  replyHours: Record<CardTier | 'other', number>;
  reminderLeadMinutes: number;
};

const hourMillis = 3_600_000;

/** The reply deadline, frozen on the request when it is opened. */
export function replyDeadline(openedAt: Date, cardTier: CardTier | null, policy: ReplyDeadlinePolicy): Date {
  const hours = cardTier ? policy.replyHours[cardTier] : policy.replyHours.other;
  return new Date(openedAt.getTime() + hours * hourMillis);
}

/**
 * When the "deadline approaching" reminder is due; null when the lead is as long as the
 * whole reply window (a reminder the moment the request arrives would only be noise).
 */
export function reminderDueAt(openedAt: Date, deadline: Date, reminderLeadMinutes: number): Date | null {
  const at = new Date(deadline.getTime() - reminderLeadMinutes * 60_000);
  return at.getTime() > openedAt.getTime() ? at : null;
}

export type DeadlineStep = 'reminder' | 'breach';

export type DeadlineState = {
  openedAt: Date;
  deadline: Date;
  reminderLeadMinutes: number;
  reminderSentAt: Date | null;
  breachSentAt: Date | null;
};

/**
 * What is due at `now` and when to look again. Once the deadline has passed only the
 * breach is sent — if the bot was down through the reminder too, one message says it all.
 */
export function dueDeadlineStep(state: DeadlineState, now: Date): { step: DeadlineStep | null; next: Date | null } {
  if (state.breachSentAt) return { step: null, next: null };
  if (now.getTime() >= state.deadline.getTime()) return { step: 'breach', next: null };
  const reminderAt = reminderDueAt(state.openedAt, state.deadline, state.reminderLeadMinutes);
  if (!reminderAt || state.reminderSentAt) return { step: null, next: state.deadline };
  if (now.getTime() >= reminderAt.getTime()) return { step: 'reminder', next: state.deadline };
  return { step: null, next: reminderAt };
}

/** The first wake-up of a new request's deadline timer. */
export function firstDeadlineWakeUp(openedAt: Date, deadline: Date, reminderLeadMinutes: number): Date {
  return reminderDueAt(openedAt, deadline, reminderLeadMinutes) ?? deadline;
}

/**
 * How long after its deadline a request was replied (the reply form's first submission,
 * which closed it), in milliseconds; null when it was replied in time or is not replied.
 */
export function replyLateBy(request: { status: string; replyDeadline: Date; closedAt: Date | null }): number | null {
  if (request.status !== 'replied' || !request.closedAt) return null;
  const late = request.closedAt.getTime() - request.replyDeadline.getTime();
  return late > 0 ? late : null;
}

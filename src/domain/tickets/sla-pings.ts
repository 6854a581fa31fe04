// When the SLA countdown pings fall due, as pure maths over the deadline: half the
// window gone, the configured "minutes left" reminders, the breach, then a repeat every
// few minutes until the ticket is restored. Pings are counted back from the deadline,
// so a paused clock (a later deadline) moves every step with it.
import type { TicketSettings } from '../../config.ts';

export type SlaStep =
  | { kind: 'half'; at: Date }
  | { kind: 'left'; at: Date; minutesLeft: number }
  | { kind: 'breach'; at: Date }
  | { kind: 'overdue'; at: Date; minutesOver: number };

export type SlaPlan = { deadline: Date; windowMinutes: number; openedAt: Date };
export type PingSettings = Pick<TicketSettings, 'reminderMinutesLeft' | 'overdueRepeatMinutes'>;

const minute = 60_000;

/** The steps up to and including the breach, in time order, none at or before the opening. */
export function stepsUntilBreach(plan: SlaPlan, settings: PingSettings): SlaStep[] {
  const deadline = plan.deadline.getTime();
  const candidates: SlaStep[] = [
    { kind: 'breach', at: new Date(deadline) },
    ...settings.reminderMinutesLeft.map((left): SlaStep => ({ kind: 'left', at: new Date(deadline - left * minute), minutesLeft: left })),
    { kind: 'half', at: new Date(deadline - (plan.windowMinutes / 2) * minute) },
  ];
  // Two reminders at one instant are one ping; the earlier entry above wins (breach, then "left").
  const byInstant = new Map<number, SlaStep>();
  for (const step of candidates) {
    if (step.at.getTime() > plan.openedAt.getTime() && !byInstant.has(step.at.getTime())) byInstant.set(step.at.getTime(), step);
  }
  return [...byInstant.values()].sort((a, b) => a.at.getTime() - b.at.getTime());
}

function overdueStep(plan: SlaPlan, settings: PingSettings, n: number): SlaStep {
  const minutesOver = n * settings.overdueRepeatMinutes;
  return { kind: 'overdue', at: new Date(plan.deadline.getTime() + minutesOver * minute), minutesOver };
}

/** The first step strictly after `after`. There always is one: overdue pings never end. */
export function nextSlaStep(plan: SlaPlan, settings: PingSettings, after: Date): SlaStep {
  const upcoming = stepsUntilBreach(plan, settings).find((step) => step.at.getTime() > after.getTime());
  if (upcoming) return upcoming;
  const over = after.getTime() - plan.deadline.getTime();
  return overdueStep(plan, settings, Math.floor(over / (settings.overdueRepeatMinutes * minute)) + 1);
}

/** Every step in (after, now], oldest first: what a sweep at `now` owes the ticket. */
export function dueSlaSteps(plan: SlaPlan, settings: PingSettings, after: Date | null, now: Date): SlaStep[] {
  const due: SlaStep[] = [];
  let cursor = after ?? plan.openedAt;
  for (;;) {
    const step = nextSlaStep(plan, settings, cursor);
    if (step.at.getTime() > now.getTime()) return due;
    due.push(step);
    cursor = step.at;
  }
}

// Durable wake-ups. Each (kind, subject) has at most one pending timer — the next due
// ping of a ticket, the reply deadline of a cross-region request, a follow-up — kept
// in Postgres so nothing is lost across restarts. Domain code sets or clears it in
// the same transaction as the change that causes it; src/jobs/sweep-due-timers.ts
// fires it. Every change bumps `version`, so a sweep that was firing an outdated
// timer cannot overwrite the new schedule.
import type { Deps } from '../deps.ts';

export type TimerKey = { kind: string; subjectId: string };

export async function scheduleTimer({ db }: Pick<Deps, 'db'>, input: TimerKey & { dueAt: Date }): Promise<void> {
  const { dueAt, ...key } = input;
  await db.timer.upsert({
    where: { kind_subjectId: key },
    create: { ...key, dueAt },
    update: { dueAt, attempts: 0, lastError: null, version: { increment: 1 } },
  });
}

export async function cancelTimer({ db }: Pick<Deps, 'db'>, key: TimerKey): Promise<void> {
  await db.timer.updateMany({ where: key, data: { dueAt: null, version: { increment: 1 } } });
}

export async function findTimer({ db }: Pick<Deps, 'db'>, key: TimerKey) {
  return db.timer.findUnique({ where: { kind_subjectId: key } });
}

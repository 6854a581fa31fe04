// A promise made is a row in Postgres: whatever the bot owes Slack because of a change
// is written here, with the same client (the change's transaction) as the change, and
// delivered later by the outbox sweep (src/slack/outbox/). The domain says *what* is to
// be announced about *which* subject; how it looks in Slack is decided at delivery.
import type { Deps } from '../deps.ts';

export type Announcement = {
  /** What happened, e.g. "ticket.changed"; each kind has one deliverer. */
  kind: string;
  /** "ticket:<id>", "approval:<id>", …: announcements of one subject go out in order. */
  subject: string;
  payload?: Record<string, unknown>;
};

export async function announce(deps: Deps, ...announcements: Announcement[]): Promise<void> {
  const { db, clock } = deps;
  if (announcements.length === 0) return;
  const now = clock.now();
  await db.outboxMessage.createMany({
    data: announcements.map((a) => ({ kind: a.kind, subject: a.subject, payload: (a.payload ?? {}) as object, createdAt: now, dueAt: now })),
  });
}

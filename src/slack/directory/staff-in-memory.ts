// The directory as an answer inside an ack may read it: each person's chosen language and
// the admins to name, from one query at start and again every STAFF_MEMORY_REFRESH_MS in
// the background. An ack never waits for it: what memory does not know (someone with no
// language of their own and no Slack profile seen yet, or a copy older than twice the
// refresh while the database is away) is answered after the ack instead. Another
// process's change to the directory shows here within a refresh; this process's own
// changes reload it at once (reload()).
import type { PrismaClient } from '../../db/client.ts';
import type { Logger } from '../../logger.ts';

export const staffMemoryRefreshMillis = 30_000;

export type StaffSnapshot = {
  /** The language a person chose in the directory: null for none, undefined for nobody of that id. */
  localeOf(slackUserId: string): string | null | undefined;
  /** Up to five active admins, oldest first (as listAdminIds). */
  adminIds: readonly string[];
};

export type StaffInMemory = {
  /** The directory as last read, or undefined when memory holds none recent enough. */
  snapshot(): StaffSnapshot | undefined;
  reload(): Promise<void>;
  stop(): void;
};

export function staffInMemory(deps: { db: PrismaClient; logger: Logger }, refreshMillis = staffMemoryRefreshMillis): StaffInMemory {
  let current: (StaffSnapshot & { readAt: number }) | undefined;

  async function read(): Promise<void> {
    // Real time, not the bot's clock: this is about how old the copy in memory is.
    const readAt = Date.now();
    const staff = await deps.db.staff.findMany({ select: { slackUserId: true, locale: true, role: true, active: true, createdAt: true } });
    const locales = new Map(staff.map((s) => [s.slackUserId, s.locale]));
    const adminIds = staff
      .filter((s) => s.role === 'admin' && s.active)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      .slice(0, 5)
      .map((s) => s.slackUserId);
    current = { readAt, adminIds, localeOf: (id) => (locales.has(id) ? locales.get(id)! : undefined) };
  }

  const timer = setInterval(() => {
    read().catch((error: unknown) => deps.logger.warn({ err: error }, 'could not re-read the staff directory into memory'));
  }, refreshMillis);
  timer.unref();

  return {
    snapshot() {
      if (!current) return undefined;
      return Date.now() - current.readAt <= 2 * refreshMillis ? current : undefined;
    },
    reload: read,
    stop: () => clearInterval(timer),
  };
}

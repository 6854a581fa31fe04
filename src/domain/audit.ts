// The audit trail: written with the same client (usually a transaction) as the change
// it describes, so a change and its record are never separated.
import type { Deps } from './deps.ts';

export type AuditRecord = {
  actorId: string;
  action: string;
  subject: string;
  detail?: Record<string, unknown>;
};

export async function recordAudit(deps: Deps, entry: AuditRecord): Promise<void> {
  const { db, clock } = deps;
  await db.auditEntry.create({
    data: {
      at: clock.now(),
      actorId: entry.actorId,
      action: entry.action,
      subject: entry.subject,
      detail: (entry.detail ?? undefined) as object | undefined,
    },
  });
}

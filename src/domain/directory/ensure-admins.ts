// ADMIN_SLACK_IDS are admins from the very first start, before anyone could register them.
import { inTransaction } from '../../db/transaction.ts';
import type { Deps } from '../deps.ts';
import { recordAudit } from '../audit.ts';

export async function ensureAdmins(deps: Deps, slackUserIds: string[]): Promise<string[]> {
  const promoted: string[] = [];
  for (const slackUserId of slackUserIds) {
    await inTransaction(deps.db, async (tx) => {
      const existing = await tx.staff.findUnique({ where: { slackUserId } });
      if (existing?.role === 'admin' && existing.active) return;
      await tx.staff.upsert({
        where: { slackUserId },
        // The real name is filled in from Slack on the admin's first command.
        create: { slackUserId, name: slackUserId, role: 'admin' },
        update: { role: 'admin', active: true },
      });
      await recordAudit({ db: tx, clock: deps.clock }, {
        actorId: 'system',
        action: 'staff.admin_from_config',
        subject: `staff:${slackUserId}`,
        detail: { previousRole: existing?.role ?? null },
      });
      promoted.push(slackUserId);
    });
  }
  return promoted;
}

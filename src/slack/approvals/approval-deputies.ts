// What approvals while away and abstaining add to a request's delivery: the deputies of
// the region's supervisors away when it was opened get it in a direct message, with the
// same buttons; after an abstention the next supervisor is asked in the request's thread.
import { deputiesAt } from '../../domain/approvals/approval-delegations.ts';
import { requireApproval, type ApprovalRecord } from '../../domain/approvals/find-approval.ts';
import { listAdminIds } from '../../domain/directory/find-staff.ts';
import { t } from '../../i18n/catalog.ts';
import { mentions } from '../../i18n/mrkdwn.ts';
import type { BotContext } from '../bot-context.ts';
import { deliverMessage } from '../deliver.ts';
import { context } from '../kit/text.ts';
import { localeOf } from '../locale.ts';
import { deliveryStep } from '../outbox/delivery-scope.ts';
import { approvalMessage } from './approval-request.ts';

/** One direct message per deputy, in their language, each a delivery step of its own. */
export async function tellDeputies(ctx: BotContext, record: ApprovalRecord): Promise<void> {
  const deputies = await deputiesAt(ctx, { regionCode: record.regionCode, at: record.createdAt, requesterId: record.requesterId });
  for (const { deputyId, delegatorId } of deputies) {
    await deliveryStep(`deputy ${deputyId}`, async () => {
      const locale = await localeOf(ctx, deputyId).catch(() => ctx.config.locale);
      const rendered = approvalMessage(record, locale, ctx.config.timezone);
      const notice = t(locale, 'approval.deputy_notice', { delegator: delegatorId });
      await deliverMessage(ctx, { channel: deputyId, text: rendered.text, blocks: [context(notice), ...rendered.blocks] }, `approval:${record.id} deputy`);
    });
  }
}

/** The next supervisor of the region who has not had their say (by id), asked in the request's thread; the admins when none is left. */
export async function askNextApprover(ctx: BotContext, requestId: bigint, abstainerId: string): Promise<void> {
  const record = await requireApproval(ctx.db, requestId);
  if (record.status !== 'pending' || !record.channelId || !record.messageTs) return;
  const spoken = new Set([record.requesterId, ...record.decisions.flatMap((d) => [d.deciderId, ...(d.onBehalfOfId ? [d.onBehalfOfId] : [])])]);
  const supervisors = await ctx.db.staff.findMany({ where: { active: true, role: 'supervisor', regionCode: record.regionCode }, select: { slackUserId: true }, orderBy: { slackUserId: 'asc' } });
  const next = supervisors.map((s) => s.slackUserId).find((id) => !spoken.has(id));
  const locale = ctx.config.locale;
  const text = next
    ? t(locale, 'approval.next_asked', { next: mentions([next], ' '), abstainer: abstainerId })
    : t(locale, 'approval.next_nobody', { abstainer: abstainerId, admins: mentions(await listAdminIds(ctx), ' ') });
  await deliverMessage(ctx, { channel: record.channelId, threadTs: record.messageTs, text, blocks: [context(text)] }, `approval:${record.id} next approver`);
}

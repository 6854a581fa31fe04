// Everything the bot says about an approval request on its own: the post to the
// region's supervisors, the in-place updates as decisions come, the reminder, and the
// notice to the requester. The post and the updates are delivered from the outbox
// (see approval-deliverers.ts), one step per audience.
import { recordApprovalMessage } from '../../domain/approvals/expire-approval.ts';
import { requireApproval, type ApprovalRecord } from '../../domain/approvals/find-approval.ts';
import { tellDeputies } from './approval-deputies.ts';
import { followUpDecision } from './approval-follow-ups.ts';
import { approvalMessage, approvalReminder, requesterNotice } from './approval-request.ts';
import type { BotContext } from '../bot-context.ts';
import { deliverMessage, updateDeliveredMessage } from '../deliver.ts';
import { localeOf } from '../locale.ts';
import { deliveryStep } from '../outbox/delivery-scope.ts';

const contextOf = (record: { id: bigint }) => `approval:${record.id}`;

/**
 * Posts a new request to its region's supervisors' channel (once: a request that has
 * a message is left alone). Call it after the transaction that opened the request.
 */
export async function announceApproval(ctx: BotContext, requestId: bigint): Promise<void> {
  const record = await requireApproval(ctx.db, requestId);
  if (record.messageTs) return;
  const region = await ctx.db.region.findUnique({ where: { code: record.regionCode } });
  if (!region?.supervisorChannelId) {
    // Nowhere to post: recorded for the admins like any refused delivery.
    await ctx.db.deliveryFailure.create({
      data: { at: ctx.clock.now(), method: 'chat.postMessage', channel: `region:${record.regionCode}`, error: 'no_supervisor_channel', context: contextOf(record) },
    });
    return;
  }
  const rendered = approvalMessage(record, ctx.config.locale, ctx.config.timezone);
  await deliveryStep('supervisors post', async () => {
    const posted = await deliverMessage(ctx, { channel: region.supervisorChannelId!, ...rendered }, contextOf(record));
    if (posted) await recordApprovalMessage(ctx, record.id, { channelId: posted.channel, ts: posted.ts });
  });
  // Supervisors away when it was opened: their deputies get it too.
  await tellDeputies(ctx, record);
  // The deciders' Home tabs list pending requests with their buttons.
  await deliveryStep('home tabs', async () => ctx.homes.refreshWithOverseers(record.regionCode, []));
}

/** Rewrites the posted message from the request's current state. */
export async function refreshApprovalMessage(ctx: BotContext, requestId: bigint): Promise<ApprovalRecord> {
  const record = await requireApproval(ctx.db, requestId);
  if (record.channelId && record.messageTs) {
    const rendered = approvalMessage(record, ctx.config.locale, ctx.config.timezone);
    await updateDeliveredMessage(ctx, { channel: record.channelId, ts: record.messageTs, ...rendered }, contextOf(record));
  }
  return record;
}

/** Tells the requester, in their language, how their request ended. */
export async function tellRequester(ctx: BotContext, record: ApprovalRecord): Promise<void> {
  const locale = await localeOf(ctx, record.requesterId).catch(() => ctx.config.locale);
  const requester = await ctx.db.staff.findUnique({ where: { slackUserId: record.requesterId }, select: { timezone: true } });
  const rendered = requesterNotice(record, locale, requester?.timezone ?? ctx.config.timezone);
  await deliverMessage(ctx, { channel: record.requesterId, ...rendered }, contextOf(record));
}

/** After a decision or expiry: the message shows it; if it is final, the requester hears of it and the kind's own message follows. */
export async function publishApprovalState(ctx: BotContext, requestId: bigint): Promise<void> {
  const record = await refreshApprovalMessage(ctx, requestId);
  if (record.status !== 'pending') {
    await deliveryStep('requester notice', () => tellRequester(ctx, record));
    await deliveryStep('kind follow-up', () => followUpDecision(ctx, record));
  }
  await deliveryStep('home tabs', async () => ctx.homes.refreshWithOverseers(record.regionCode, [record.requesterId]));
}

/** Nudges the region's supervisors in the request's thread (admins if the region has none). */
export async function remindSupervisors(ctx: BotContext, record: ApprovalRecord): Promise<void> {
  if (!record.channelId || !record.messageTs) return;
  const supervisors = await ctx.db.staff.findMany({
    where: { active: true, role: 'supervisor', regionCode: record.regionCode },
    select: { slackUserId: true },
    orderBy: { slackUserId: 'asc' },
  });
  const ids = supervisors.length > 0
    ? supervisors.map((s) => s.slackUserId)
    : (await ctx.db.staff.findMany({ where: { active: true, role: 'admin' }, select: { slackUserId: true } })).map((s) => s.slackUserId);
  const rendered = approvalReminder(record, ids.filter((id) => id !== record.requesterId), ctx.config.locale, ctx.config.timezone);
  await deliverMessage(ctx, { channel: record.channelId, threadTs: record.messageTs, ...rendered }, contextOf(record));
}

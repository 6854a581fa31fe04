// Sends one reminder for one person and local day, at most once (see
// src/domain/visits/reminder-claims.ts): claim, build from the current state, send,
// stamp. A passing Slack failure gives the claim back and rethrows, so the timer
// fires again later; a permanent one (recorded in delivery_failures) is final.
import { claimReminder, releaseReminder, settleReminder, type ReminderKey } from '../../domain/visits/reminder-claims.ts';
import { deliverMessage } from '../../slack/deliver.ts';
import type { BotContext } from '../../slack/bot-context.ts';
import type { OutgoingMessage } from '../../slack/sender.ts';

export type ReminderContent = { message: Omit<OutgoingMessage, 'channel'>; lineCount: number } | null;

export async function sendReminderOnce(ctx: BotContext, key: ReminderKey, now: Date, build: () => Promise<ReminderContent>): Promise<void> {
  if (!(await claimReminder(ctx.db, key, now))) return;
  try {
    const content = await build();
    if (!content) {
      await settleReminder(ctx.db, key, { outcome: 'nothing_to_send', at: now, lineCount: 0 });
      return;
    }
    const posted = await deliverMessage(ctx, { channel: key.recipientId, ...content.message }, `visit.${key.kind}:${key.recipientId}:${key.localDate}`);
    await settleReminder(ctx.db, key, {
      outcome: posted ? 'sent' : 'undeliverable',
      at: now,
      channel: posted?.channel,
      messageTs: posted?.ts,
      lineCount: content.lineCount,
    });
  } catch (error) {
    await releaseReminder(ctx.db, key);
    throw error;
  }
}

// Sends a message the bot originates. A permanent refusal (channel_not_found,
// not_in_channel, …) is recorded for the admins and the caller carries on; a
// transient failure is rethrown so the timer that asked for it fires again later.
import type { Clock } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { deliveryEventType, nextPostSlot } from './outbox/delivery-scope.ts';
import { SlackDeliveryError, type FileUpload, type OutgoingMessage, type PostedMessage, type SlackSender } from './sender.ts';

export type Delivery = { db: Db; clock: Clock; sender: SlackSender };

/**
 * Posts a message; null when Slack refused it for good (recorded). Inside an outbox
 * delivery the post is done once: a retry returns the message an earlier attempt
 * posted, found by its stamp or, after a crash, by its metadata in Slack's history.
 */
export async function deliverMessage(deps: Delivery, message: OutgoingMessage, context: string): Promise<PostedMessage | null> {
  const slot = nextPostSlot();
  const post = (outgoing: OutgoingMessage) => recordingRefusal(deps, { channel: message.channel, context }, () => deps.sender.postMessage(outgoing));
  if (!slot) return post(message);
  if (slot.already) return slot.already.ts && slot.already.channel ? { channel: slot.already.channel, ts: slot.already.ts } : null;
  if (slot.recovering) {
    const found = await deps.sender.findDelivered({ channel: message.channel, threadTs: message.threadTs, eventType: deliveryEventType, deliveryId: slot.deliveryId });
    if (found) {
      await slot.record(found);
      return found;
    }
  }
  const posted = await post({ ...message, metadata: { event_type: deliveryEventType, event_payload: { delivery: slot.deliveryId } } });
  await slot.record(posted);
  return posted;
}

/** Updates a message the bot posted; false when Slack refused for good (recorded). */
export async function updateDeliveredMessage(
  deps: Delivery,
  message: { channel: string; ts: string; text: string; blocks?: OutgoingMessage['blocks'] },
  context: string,
): Promise<boolean> {
  const updated = await recordingRefusal(deps, { channel: message.channel, context }, async () => {
    await deps.sender.updateMessage(message);
    return true;
  });
  return updated ?? false;
}

/** Uploads files the bot sends on its own; false when Slack refused for good (recorded). */
export async function deliverFiles(deps: Delivery, upload: FileUpload, context: string): Promise<boolean> {
  const uploaded = await recordingRefusal(deps, { channel: upload.channel, context }, async () => {
    await deps.sender.uploadFiles(upload);
    return true;
  });
  return uploaded ?? false;
}

async function recordingRefusal<T>(deps: Delivery, where: { channel: string; context: string }, send: () => Promise<T>): Promise<T | null> {
  try {
    return await send();
  } catch (error) {
    if (!(error instanceof SlackDeliveryError) || !error.permanent) throw error;
    await deps.db.deliveryFailure.create({
      data: { at: deps.clock.now(), method: error.method, channel: where.channel, error: error.slackError, context: where.context },
    });
    return null;
  }
}

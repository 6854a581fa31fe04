// Sends a message the bot originates. A permanent refusal (channel_not_found,
// not_in_channel, …) is recorded for the admins and the caller carries on; a
// transient failure is rethrown so the timer that asked for it fires again later.
import type { Clock } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { SlackDeliveryError, type FileUpload, type OutgoingMessage, type PostedMessage, type SlackSender } from './sender.ts';

export type Delivery = { db: Db; clock: Clock; sender: SlackSender };

export async function deliverMessage(deps: Delivery, message: OutgoingMessage, context: string): Promise<PostedMessage | null> {
  return recordingRefusal(deps, { channel: message.channel, context }, () => deps.sender.postMessage(message));
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

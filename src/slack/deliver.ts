// Sends a message the bot originates. A permanent refusal (channel_not_found,
// not_in_channel, …) is recorded for the admins and the caller carries on; a
// transient failure is rethrown so the timer that asked for it fires again later.
import type { Clock } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { SlackDeliveryError, type OutgoingMessage, type PostedMessage, type SlackSender } from './sender.ts';

export type Delivery = { db: Db; clock: Clock; sender: SlackSender };

export async function deliverMessage(deps: Delivery, message: OutgoingMessage, context: string): Promise<PostedMessage | null> {
  try {
    return await deps.sender.postMessage(message);
  } catch (error) {
    if (error instanceof SlackDeliveryError && error.permanent) {
      await deps.db.deliveryFailure.create({
        data: { at: deps.clock.now(), method: error.method, channel: message.channel, error: error.slackError, context },
      });
      return null;
    }
    throw error;
  }
}

export async function updateDeliveredMessage(
  deps: Delivery,
  message: { channel: string; ts: string; text: string; blocks?: OutgoingMessage['blocks'] },
  context: string,
): Promise<boolean> {
  try {
    await deps.sender.updateMessage(message);
    return true;
  } catch (error) {
    if (error instanceof SlackDeliveryError && error.permanent) {
      await deps.db.deliveryFailure.create({
        data: { at: deps.clock.now(), method: error.method, channel: message.channel, error: error.slackError, context },
      });
      return false;
    }
    throw error;
  }
}

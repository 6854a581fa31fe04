// "Open ticket" is a link button: Slack opens the link itself and still sends the click,
// which only needs its ack (unacknowledged, Slack shows the clicker a warning).
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';

export function ticketOpenMessageAction() {
  return async ({ ack }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
  };
}

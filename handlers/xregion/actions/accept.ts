// Accept: the clicker (home-region staff) becomes the handler; both messages update.
// Anyone else is refused privately and nothing changes.
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { acceptCrossRegionRequest } from '../../../src/domain/xregion/accept-request.ts';
import { t } from '../../../src/i18n/catalog.ts';
import { answerPrivately } from '../../../src/slack/edge/answer-privately.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { readButtonValue } from '../../../src/slack/edge/edge-answers.ts';
import { carried } from '../../../src/slack/edge/slack-values.ts';

export function xregionAcceptAction(ctx: BotContext) {
  return async ({ ack, body, action, respond }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs) => {
    await ack();
    const requestId = await readButtonValue(ctx, carried.xregionRequestId, action, { userId: body.user.id, respond });
    if (requestId === null) return;
    await answerPrivately(ctx, { userId: body.user.id, respond }, async (locale) => {
      const result = await acceptCrossRegionRequest(ctx, { requestId, actorId: body.user.id });
      return { text: t(locale, 'xregion.accepted.ephemeral', { number: result.number }) };
    });
    ctx.outbox.kick();
  };
}

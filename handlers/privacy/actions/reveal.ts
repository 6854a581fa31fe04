// "Reveal number" beside a masked number (PIPL): the person handling the record sees
// it in full, privately (response_url, ephemeral), and the reveal is audited; anyone
// else is refused privately and nothing is shown.
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { revealNumber } from '../../../src/domain/privacy/reveal-number.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { answerPrivately } from '../../../src/slack/edge/answer-privately.ts';
import { readButtonValue } from '../../../src/slack/edge/edge-answers.ts';
import { carried } from '../../../src/slack/edge/slack-values.ts';
import { revealedNumbersReply } from '../../../src/slack/privacy/revealed-numbers.ts';

export function privacyRevealAction(ctx: BotContext) {
  return async ({ ack, body, action, respond }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const record = await readButtonValue(ctx, carried.personalRecord, action, { userId: body.user.id, respond, view: body.view });
    if (record === null) return;
    await answerPrivately(ctx, { userId: body.user.id, respond }, async (locale) => {
      const revealed = await revealNumber(ctx, { viewerId: body.user.id, record });
      return revealedNumbersReply(locale, record.kind, revealed);
    });
  };
}

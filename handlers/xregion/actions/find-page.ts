// Previous/next page of `/xregion find`: the same query, another page, in place.
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { answerPrivately } from '../../../src/slack/edge/answer-privately.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { readButtonValue } from '../../../src/slack/edge/edge-answers.ts';
import { carried } from '../../../src/slack/edge/slack-values.ts';
import { xregionFind } from '../command/find.ts';

export function xregionFindPageAction(ctx: BotContext) {
  return async ({ ack, body, action, respond }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs) => {
    await ack();
    const target = await readButtonValue(ctx, carried.xregionFindPage, action, { userId: body.user.id, respond });
    if (target === null) return;
    const replaceOriginal: typeof respond = (message) => respond(typeof message === 'string' ? message : { ...message, replace_original: true });
    await answerPrivately(ctx, { userId: body.user.id, respond: replaceOriginal }, (locale) =>
      xregionFind(ctx, { userId: body.user.id, args: target.q.split(/\s+/).filter(Boolean), locale, page: target.p }),
    );
  };
}

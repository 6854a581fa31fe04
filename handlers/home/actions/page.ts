// "More…" / back in a Home section: the same Home with that section on another page;
// the other sections stay on the pages the view's private_metadata says they were on.
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { recordHomeOpened } from '../../../src/domain/home/home-tab-opens.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { readButtonValue } from '../../../src/slack/edge/edge-answers.ts';
import { decodeHomePages, homePageButton } from '../../../src/slack/home/home-state.ts';

export function homePageAction(ctx: BotContext) {
  return async ({ ack, body, action }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs) => {
    await ack();
    const target = await readButtonValue(ctx, homePageButton, action, { userId: body.user.id, view: body.view });
    if (target === null) return;
    const pages = { ...decodeHomePages(body.view?.private_metadata), [target.section]: target.page };
    await recordHomeOpened(ctx, body.user.id);
    await ctx.homes.publish(body.user.id, { pages });
  };
}

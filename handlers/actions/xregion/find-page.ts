// Previous/next page of `/xregion find`: the same query, another page, in place.
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { answerPrivately } from '../../../src/slack/answer-privately.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { xregionFind } from '../../commands/xregion/find.ts';

const pageValue = z
  .string()
  .transform((raw, ctx) => {
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'not JSON' });
      return z.NEVER;
    }
  })
  .pipe(z.object({ q: z.string().max(500), p: z.number().int().min(1) }));

export function xregionFindPageAction(ctx: BotContext) {
  return async ({ ack, body, action, respond }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs) => {
    await ack();
    const parsed = pageValue.safeParse(action.value);
    if (!parsed.success) return ctx.logger.warn({ value: action.value }, 'find page button with an unreadable value');
    const { q, p } = parsed.data;
    const replaceOriginal: typeof respond = (message) => respond(typeof message === 'string' ? message : { ...message, replace_original: true });
    await answerPrivately(ctx, { userId: body.user.id, respond: replaceOriginal }, (locale) =>
      xregionFind(ctx, { userId: body.user.id, args: q.split(/\s+/).filter(Boolean), locale, page: p }),
    );
  };
}

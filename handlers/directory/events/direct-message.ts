// A message typed in the bot's Messages tab is answered with the help, in the writer's
// language: the bot has no conversation of its own, only commands, and a message left
// unanswered looks like a broken bot. Bolt acks events before listeners run.
import { mentions } from '../../../src/i18n/mrkdwn.ts';
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { listAdminIds } from '../../../src/domain/directory/find-staff.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { helpMessage } from '../../../src/slack/directory/help.ts';
import { localeOf } from '../../../src/slack/locale.ts';

export function directMessageEvent(ctx: BotContext) {
  return async ({ event }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs) => {
    // Only what a person wrote: not edits, deletions or joins (subtypes), and never the
    // bot's own answers, which would answer themselves for ever.
    if (event.channel_type !== 'im' || event.subtype !== undefined || 'bot_id' in event) return;
    const locale = await localeOf(ctx, event.user);
    const adminIds = await listAdminIds(ctx);
    const help = helpMessage(locale, adminIds.length > 0 ? mentions(adminIds, ', ') : '—');
    await ctx.sender.postMessage({ channel: event.channel, text: help.text, blocks: help.blocks });
  };
}

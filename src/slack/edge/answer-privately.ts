// The common shape of a slash-command answer: work out the user's language, run the
// command, and reply with a message only they can see — or with the refusal, in
// their language, if the command failed.
import type { RespondFn } from '@slack/bolt';
import type { AnyBlock } from '@slack/types';
import type { Locale, Mrkdwn } from '../../i18n/catalog.ts';
import type { BotContext } from '../bot-context.ts';
import { describeFailure } from './describe-failure.ts';
import { localeOf } from '../locale.ts';

/** A private answer; its text is mrkdwn too (Slack shows it in notifications and where blocks cannot be). */
export type Reply = { text: Mrkdwn; blocks?: AnyBlock[] };

export async function answerPrivately(
  ctx: BotContext,
  input: { userId: string; respond: RespondFn },
  produce: (locale: Locale) => Promise<Reply>,
): Promise<void> {
  const locale = await localeOf(ctx, input.userId).catch(() => ctx.config.locale);
  let reply: Reply;
  try {
    reply = await produce(locale);
  } catch (error) {
    reply = { text: await describeFailure(ctx, locale, error) };
  }
  await input.respond({ response_type: 'ephemeral', replace_original: false, ...reply });
}

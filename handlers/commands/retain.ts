// /retain — record a retention case (a modal), or `/retain stats [YYYY-MM]`.
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { DomainError } from '../../src/errors.ts';
import { t } from '../../src/i18n/catalog.ts';
import { answerPrivately } from '../../src/slack/answer-privately.ts';
import type { BotContext } from '../../src/slack/bot-context.ts';
import { typedText } from '../../src/slack/blocks/mrkdwn.ts';
import { describeFailure } from '../../src/slack/describe-failure.ts';
import { localeOf } from '../../src/slack/locale.ts';
import { openRetentionForm } from './retain/open-form.ts';
import { retainStats } from './retain/stats.ts';

export function retainCommand(ctx: BotContext) {
  return async ({ command, ack, respond, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    const [first = '', ...rest] = typedText(command.text).trim().split(/\s+/).filter(Boolean);
    const name = first.toLowerCase();
    const userId = command.user_id;
    if (name === '') {
      // A modal is the answer; only a refusal needs a private reply.
      const locale = await localeOf(ctx, userId).catch(() => ctx.config.locale);
      await openRetentionForm(ctx, { client, triggerId: command.trigger_id, userId, locale }).catch(async (error: unknown) => {
        await respond({ response_type: 'ephemeral', text: await describeFailure(ctx, locale, error) });
      });
      return;
    }
    await answerPrivately(ctx, { userId, respond }, async (locale) => {
      if (name === 'stats') return retainStats(ctx, { userId, args: rest, locale });
      if (name === 'help') return { text: t(locale, 'retention.usage') };
      throw new DomainError('unknown_subcommand', { command: command.command, sub: first });
    });
  };
}

// /plan — the activity plan form (a modal); `/plan help` says what it does.
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { t } from '../../src/i18n/catalog.ts';
import { answerPrivately } from '../../src/slack/edge/answer-privately.ts';
import type { BotContext } from '../../src/slack/bot-context.ts';
import { describeFailure } from '../../src/slack/edge/describe-failure.ts';
import { readCommand } from '../../src/slack/edge/edge-answers.ts';
import { localeOf } from '../../src/slack/locale.ts';
import { planFormView } from '../../src/slack/plans/plan-forms.ts';
import { runSubcommand, type Subcommand } from '../subcommand.ts';

const subcommands = {
  help: async (ctx, { locale }) => ({ text: t(locale, 'plan.usage', { days: ctx.config.plans.answerWorkingDays }) }),
} satisfies Record<string, Subcommand>;

export function planCommand(ctx: BotContext) {
  return async ({ command, ack, respond, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    const words = await readCommand(ctx, command, respond);
    if (!words) return;
    const userId = command.user_id;
    if (words.name === '') {
      const locale = await localeOf(ctx, userId).catch(() => ctx.config.locale);
      const view = planFormView(locale, { answerDays: ctx.config.plans.answerWorkingDays, reportDays: ctx.config.plans.reportWorkingDays });
      await client.views.open({ trigger_id: command.trigger_id, view }).catch(async (error: unknown) => {
        await respond({ response_type: 'ephemeral', text: await describeFailure(ctx, locale, error) });
      });
      return;
    }
    await answerPrivately(ctx, { userId, respond }, (locale) => runSubcommand(ctx, subcommands, { command: command.command, words, userId, locale }));
  };
}

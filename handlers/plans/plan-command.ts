// /plan — the activity plan form (a modal); `/plan help` says what it does.
import { t } from '../../src/i18n/catalog.ts';
import type { BotContext } from '../../src/slack/bot-context.ts';
import { planFormView } from '../../src/slack/plans/plan-forms.ts';
import { formOrSubcommand, type Subcommand } from '../subcommand.ts';

const subcommands = {
  help: async (ctx, { locale }) => ({ text: t(locale, 'plan.usage', { days: ctx.config.plans.answerWorkingDays }) }),
} satisfies Record<string, Subcommand>;

export function planCommand(ctx: BotContext) {
  const { answerWorkingDays: answerDays, reportWorkingDays: reportDays } = ctx.config.plans;
  return formOrSubcommand(ctx, subcommands, ({ client, triggerId, locale }) =>
    client.views.open({ trigger_id: triggerId, view: planFormView(locale, { answerDays, reportDays }) }),
  );
}

// /xregion — the acceptance form for a roaming member; find; export for audit.
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { DomainError } from '../../src/errors.ts';
import { t } from '../../src/i18n/catalog.ts';
import { answerPrivately } from '../../src/slack/answer-privately.ts';
import type { BotContext } from '../../src/slack/bot-context.ts';
import { typedText } from '../../src/slack/blocks/mrkdwn.ts';
import { xregionExport } from './xregion/export.ts';
import { xregionFind } from './xregion/find.ts';
import { openAcceptanceForm } from './xregion/open-form.ts';

export function xregionCommand(ctx: BotContext) {
  return async ({ command, ack, respond, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    const [first = '', ...args] = typedText(command.text).trim().split(/\s+/).filter(Boolean);
    const userId = command.user_id;
    if (first === '') return openAcceptanceForm(ctx, { userId, triggerId: command.trigger_id, respond, client });
    await answerPrivately(ctx, { userId, respond }, async (locale) => {
      switch (first.toLowerCase()) {
        case 'find':
          return xregionFind(ctx, { userId, args, locale });
        case 'export':
          return xregionExport(ctx, { userId, args, locale, client });
        case 'help':
          return { text: t(locale, 'xregion.usage') };
        default:
          throw new DomainError('unknown_subcommand', { command: command.command, sub: first });
      }
    });
  };
}

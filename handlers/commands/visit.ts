// /visit — the form (no text), the quick form (`/visit CUSTOMER KIND SUMMARY`),
// `list`, `history CUSTOMER` and `help`.
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { answerPrivately } from '../../src/slack/answer-privately.ts';
import type { BotContext } from '../../src/slack/bot-context.ts';
import { typedText } from '../../src/slack/blocks/mrkdwn.ts';
import { t } from '../../src/i18n/catalog.ts';
import { visitHistoryCommand } from './visit/history.ts';
import { visitListCommand } from './visit/list.ts';
import { openVisitFormCommand } from './visit/open-form.ts';
import { quickLogVisit } from './visit/quick-log.ts';

export function visitCommand(ctx: BotContext) {
  return async ({ command, ack, respond, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    const text = typedText(command.text).trim();
    const [first = '', ...rest] = text.split(/\s+/).filter(Boolean);
    const input = { userId: command.user_id, args: rest, text };
    if (first === '') {
      await openVisitFormCommand(ctx, { ...input, triggerId: command.trigger_id, client, respond });
      return;
    }
    await answerPrivately(ctx, { userId: command.user_id, respond }, async (locale) => {
      switch (first.toLowerCase()) {
        case 'help':
          return { text: t(locale, 'visit.usage') };
        case 'list':
          return visitListCommand(ctx, { ...input, locale });
        case 'history':
          return visitHistoryCommand(ctx, { ...input, locale });
        default:
          return quickLogVisit(ctx, { ...input, locale });
      }
    });
  };
}

// "Open a ticket from this" (a message shortcut): the new-ticket modal with the message as
// the description and the customer guessed from codes or names in it, to confirm; the
// ticket's thread will link back to the message. The guess is one quick query, so the
// trigger (3 s, single use) is still fresh for views.open.
import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { guessCustomer } from '../../../src/domain/directory/guess-customer.ts';
import { t } from '../../../src/i18n/catalog.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { readShortcutMessage } from '../../../src/slack/edge/slack-values.ts';
import { localeOf } from '../../../src/slack/locale.ts';
import { openTicketModal } from '../../../src/slack/tickets/open-ticket-modal.ts';

export function ticketFromMessageShortcut(ctx: BotContext) {
  return async ({ ack, shortcut, client, respond }: SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs) => {
    await ack();
    const userId = shortcut.user.id;
    const message = readShortcutMessage({ channel: shortcut.channel?.id, ts: shortcut.message_ts, text: shortcut.message?.text });
    if (!message) {
      ctx.logger.warn({ userId }, 'message shortcut on a message the bot cannot read');
      const locale = await localeOf(ctx, userId).catch(() => ctx.config.locale);
      await respond({ response_type: 'ephemeral', text: t(locale, 'error.outdated_button') });
      return;
    }
    const guessed = message.text ? await guessCustomer(ctx, message.text).catch(() => null) : null;
    await openTicketModal(ctx, {
      userId,
      respond,
      client,
      triggerId: shortcut.trigger_id,
      kind: 'new',
      prefill: {
        customer: guessed ? { code: guessed.code, label: `${guessed.code} ${guessed.name}` } : undefined,
        description: message.text || undefined,
        source: { channelId: message.channelId, messageTs: message.messageTs },
      },
    });
  };
}

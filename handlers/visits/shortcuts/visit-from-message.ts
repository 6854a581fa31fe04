// "Log as a visit" (a message shortcut): the visit form with the message's text and its
// link as the summary, and the customer guessed from codes or names in it when the person
// may serve them — confirmed in the form. Saved, the message's text and link are in the
// customer's visit history. The link is built from where the message lives (no Slack call
// before views.open: the trigger lives 3 s).
import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { guessCustomer } from '../../../src/domain/directory/guess-customer.ts';
import { requireStaff } from '../../../src/domain/directory/find-staff.ts';
import { canServeCustomer } from '../../../src/domain/visits/customer-access.ts';
import { summaryMaxLength } from '../../../src/domain/visits/visit-input.ts';
import { t } from '../../../src/i18n/catalog.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { answerPrivately } from '../../../src/slack/edge/answer-privately.ts';
import { readShortcutMessage } from '../../../src/slack/edge/slack-values.ts';
import { localeOf } from '../../../src/slack/locale.ts';
import { timeZoneOf } from '../../../src/slack/time-zone.ts';
import { openVisitForm } from '../../../src/slack/visits/open-visit-form.ts';

const messageLink = (channelId: string, messageTs: string) => `https://slack.com/archives/${channelId}/p${messageTs.replace('.', '')}`;

export function visitFromMessageShortcut(ctx: BotContext) {
  return async ({ ack, shortcut, client, respond }: SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs) => {
    await ack();
    const userId = shortcut.user.id;
    const message = readShortcutMessage({ channel: shortcut.channel?.id, ts: shortcut.message_ts, text: shortcut.message?.text });
    if (!message) {
      const locale = await localeOf(ctx, userId).catch(() => ctx.config.locale);
      await respond({ response_type: 'ephemeral', text: t(locale, 'error.outdated_button') });
      return;
    }
    try {
      const staff = await requireStaff(ctx, userId);
      const guessed = message.text ? await guessCustomer(ctx, message.text).catch(() => null) : null;
      const customer = guessed ? await ctx.db.customer.findUnique({ where: { code: guessed.code } }) : null;
      const link = messageLink(message.channelId, message.messageTs);
      const summary = `${message.text.slice(0, summaryMaxLength - link.length - 2)}\n${link}`.trim();
      const [locale, timeZone] = await Promise.all([localeOf(ctx, userId), timeZoneOf(ctx, userId)]);
      await openVisitForm(ctx, client, {
        triggerId: shortcut.trigger_id,
        locale,
        prefill: { customer: customer && canServeCustomer(staff, customer) ? customer : undefined, summary, occurredAt: ctx.clock.now() },
        metadata: { timeZone },
      });
    } catch (error) {
      await answerPrivately(ctx, { userId, respond }, async () => {
        throw error;
      });
    }
  };
}

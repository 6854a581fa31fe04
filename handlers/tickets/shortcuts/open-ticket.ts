// The "Open a fault ticket" global shortcut: the `/ticket new` modal. A global shortcut
// has no response_url, so a refusal is shown on the person's Home.
import type { AllMiddlewareArgs, GlobalShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { respondOnHomeToo } from '../../../src/slack/edge/tell-clicker.ts';
import { openTicketModal } from '../../../src/slack/tickets/open-ticket-modal.ts';

export function openTicketShortcut(ctx: BotContext) {
  return async ({ ack, shortcut, client }: SlackShortcutMiddlewareArgs<GlobalShortcut> & AllMiddlewareArgs) => {
    await ack();
    const userId = shortcut.user.id;
    await openTicketModal(ctx, { userId, respond: respondOnHomeToo(ctx, { userId }), client, triggerId: shortcut.trigger_id, kind: 'new' });
  };
}

// Visits and follow-ups: /visit, the visit form, the buttons on digests and lists.
import type { App } from '@slack/bolt';
import type { BotContext } from '../../src/slack/bot-context.ts';
import { commands, shortcutIds, visitIds } from '../../src/slack/ids.ts';
import { visitEndAction, visitStartAction } from './actions/check-in.ts';
import { visitEditAction } from './actions/edit.ts';
import { visitHistoryPageAction } from './actions/history-page.ts';
import { visitLogForAction } from './actions/log-for.ts';
import { visitCommand } from './visit-command.ts';
import { visitCustomerSearch } from './options/customer-search.ts';
import { visitFormSubmission } from './views/visit-form.ts';
import { logVisitShortcut } from './shortcuts/log-visit.ts';
import { visitFromMessageShortcut } from './shortcuts/visit-from-message.ts';

export function registerVisitListeners(app: App, ctx: BotContext): void {
  app.command(commands.visit, visitCommand(ctx));
  app.shortcut(shortcutIds.logVisit, logVisitShortcut(ctx));
  app.shortcut(shortcutIds.visitFromMessage, visitFromMessageShortcut(ctx));
  app.action(visitIds.edit, visitEditAction(ctx));
  app.action(visitIds.logFor, visitLogForAction(ctx));
  app.action(visitIds.startVisitAny, visitStartAction(ctx));
  app.action(visitIds.endVisit, visitEndAction(ctx));
  app.action(visitIds.historyNewer, visitHistoryPageAction(ctx));
  app.action(visitIds.historyOlder, visitHistoryPageAction(ctx));
  app.view(visitIds.form, visitFormSubmission(ctx));
  app.options({ action_id: visitIds.customerSearch }, visitCustomerSearch(ctx));
}

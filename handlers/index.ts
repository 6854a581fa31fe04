// Registers every Slack listener: one file per command, action, view, option source
// or event. Each listener acks first, parses with zod, calls the domain, renders.
import type { App } from '@slack/bolt';
import type { BotContext } from '../src/slack/bot-context.ts';
import { commands, visitIds } from '../src/slack/ids.ts';
import { visitEditAction } from './actions/visit-edit.ts';
import { visitHistoryPageAction } from './actions/visit-history-page.ts';
import { visitLogForAction } from './actions/visit-log-for.ts';
import { amCommand } from './commands/am.ts';
import { notYetAvailableCommand } from './commands/not-yet-available.ts';
import { visitCommand } from './commands/visit.ts';
import { visitCustomerSearch } from './options/visit-customer-search.ts';
import { visitFormSubmission } from './views/visit-form.ts';

export function registerHandlers(app: App, ctx: BotContext): void {
  app.command(commands.am, amCommand(ctx));
  app.command(commands.visit, visitCommand(ctx));
  for (const command of [commands.ticket, commands.xregion, commands.retain]) {
    app.command(command, notYetAvailableCommand(ctx));
  }

  app.action(visitIds.edit, visitEditAction(ctx));
  app.action(visitIds.logFor, visitLogForAction(ctx));
  app.action(visitIds.historyNewer, visitHistoryPageAction(ctx));
  app.action(visitIds.historyOlder, visitHistoryPageAction(ctx));
  app.view(visitIds.form, visitFormSubmission(ctx));
  app.options({ action_id: visitIds.customerSearch }, visitCustomerSearch(ctx));
}

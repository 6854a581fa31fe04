// Registers every Slack listener: one file per command, action, view, option source
// or event. Each listener acks first, parses with zod, calls the domain, renders.
import type { App } from '@slack/bolt';
import type { BotContext } from '../src/slack/bot-context.ts';
import { commands } from '../src/slack/ids.ts';
import { amCommand } from './commands/am.ts';
import { notYetAvailableCommand } from './commands/not-yet-available.ts';

export function registerHandlers(app: App, ctx: BotContext): void {
  app.command(commands.am, amCommand(ctx));
  for (const command of [commands.visit, commands.ticket, commands.xregion, commands.retain]) {
    app.command(command, notYetAvailableCommand(ctx));
  }
}

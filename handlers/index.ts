// Registers every Slack listener: one file per command, action, view, option source
// or event. Each listener acks first, parses with zod, calls the domain, renders.
import type { App } from '@slack/bolt';
import { closeTicket } from '../src/domain/tickets/close-ticket.ts';
import { markOnSite } from '../src/domain/tickets/mark-on-site.ts';
import { releaseTicket } from '../src/domain/tickets/release-ticket.ts';
import type { BotContext } from '../src/slack/bot-context.ts';
import { commands, ticketIds } from '../src/slack/ids.ts';
import { ticketClaimAction } from './actions/ticket-claim.ts';
import { ticketClaimCheckAction } from './actions/ticket-claim-check.ts';
import { ticketOpenModalAction } from './actions/ticket-open-modal.ts';
import { ticketStepAction } from './actions/ticket-step.ts';
import { amCommand } from './commands/am.ts';
import { notYetAvailableCommand } from './commands/not-yet-available.ts';
import { ticketCommand } from './commands/ticket.ts';
import { ticketCustomerOptions } from './options/ticket-customers.ts';
import { ticketMajorView } from './views/ticket-major.ts';
import { ticketNewView } from './views/ticket-new.ts';
import { ticketRestoreView } from './views/ticket-restore.ts';

export function registerHandlers(app: App, ctx: BotContext): void {
  app.command(commands.am, amCommand(ctx));
  for (const command of [commands.visit, commands.xregion, commands.retain]) {
    app.command(command, notYetAvailableCommand(ctx));
  }
  registerTicketHandlers(app, ctx);
}

function registerTicketHandlers(app: App, ctx: BotContext): void {
  app.command(commands.ticket, ticketCommand(ctx));
  app.action(ticketIds.claim, ticketClaimAction(ctx));
  app.action(ticketIds.onSite, ticketStepAction(ctx, markOnSite));
  app.action(ticketIds.release, ticketStepAction(ctx, releaseTicket));
  app.action(ticketIds.close, ticketStepAction(ctx, closeTicket));
  app.action(ticketIds.restore, ticketOpenModalAction(ctx, 'restore'));
  app.action(ticketIds.major, ticketOpenModalAction(ctx, 'major'));
  app.action(ticketIds.stillOnIt, ticketClaimCheckAction(ctx, 'still_on_it'));
  app.action(ticketIds.checkRelease, ticketClaimCheckAction(ctx, 'release'));
  app.view(ticketIds.newView, ticketNewView(ctx));
  app.view(ticketIds.restoreView, ticketRestoreView(ctx));
  app.view(ticketIds.majorView, ticketMajorView(ctx));
  app.options(ticketIds.customerSearch, ticketCustomerOptions(ctx));
  app.options(ticketIds.affectedSearch, ticketCustomerOptions(ctx));
}

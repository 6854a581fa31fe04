// Fault tickets: /ticket, the buttons on ticket messages, pings and DMs, and the ticket forms.
import type { App } from '@slack/bolt';
import type { BotContext } from '../../src/slack/bot-context.ts';
import { commands, shortcutIds, ticketIds } from '../../src/slack/ids.ts';
import { ticketClaimAction } from './actions/claim.ts';
import { ticketClaimCheckAction } from './actions/claim-check.ts';
import { ticketOpenMessageAction } from './actions/open-message.ts';
import { ticketOpenModalAction } from './actions/open-modal.ts';
import { ticketResumeAction } from './actions/resume.ts';
import { ticketSnoozeAction } from './actions/snooze.ts';
import { ticketStepAction } from './actions/step.ts';
import { ticketCommand } from './ticket-command.ts';
import { ticketCustomerOptions } from './options/customers.ts';
import { ticketMajorView } from './views/major.ts';
import { ticketNoteView } from './views/note.ts';
import { ticketNewView } from './views/new.ts';
import { ticketPauseView } from './views/pause.ts';
import { ticketReassignView } from './views/reassign.ts';
import { ticketRestoreView } from './views/restore.ts';
import { openTicketShortcut } from './shortcuts/open-ticket.ts';

export function registerTicketListeners(app: App, ctx: BotContext): void {
  app.command(commands.ticket, ticketCommand(ctx));
  app.shortcut(shortcutIds.openTicket, openTicketShortcut(ctx));
  app.action(ticketIds.claim, ticketClaimAction(ctx));
  app.action(ticketIds.onSite, ticketStepAction(ctx, 'on_site'));
  app.action(ticketIds.release, ticketStepAction(ctx, 'release'));
  app.action(ticketIds.close, ticketStepAction(ctx, 'close'));
  app.action(ticketIds.restore, ticketOpenModalAction(ctx, 'restore'));
  app.action(ticketIds.major, ticketOpenModalAction(ctx, 'major'));
  app.action(ticketIds.pause, ticketOpenModalAction(ctx, 'pause'));
  app.action(ticketIds.resume, ticketResumeAction(ctx));
  app.action(ticketIds.reassign, ticketOpenModalAction(ctx, 'reassign'));
  app.action(ticketIds.openMessage, ticketOpenMessageAction());
  app.action(ticketIds.stillOnIt, ticketClaimCheckAction(ctx, 'still_on_it'));
  app.action(ticketIds.checkRelease, ticketClaimCheckAction(ctx, 'release'));
  app.action(ticketIds.addNote, ticketOpenModalAction(ctx, 'note'));
  app.action(ticketIds.snooze30, ticketSnoozeAction(ctx, 30));
  app.action(ticketIds.snooze60, ticketSnoozeAction(ctx, 60));
  app.view(ticketIds.noteView, ticketNoteView(ctx));
  app.view(ticketIds.newView, ticketNewView(ctx));
  app.view(ticketIds.restoreView, ticketRestoreView(ctx));
  app.view(ticketIds.majorView, ticketMajorView(ctx));
  app.view(ticketIds.pauseView, ticketPauseView(ctx));
  app.view(ticketIds.reassignView, ticketReassignView(ctx));
  app.options(ticketIds.customerSearch, ticketCustomerOptions(ctx));
  app.options(ticketIds.affectedSearch, ticketCustomerOptions(ctx));
}

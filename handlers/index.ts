// Registers every Slack listener: one file per command, action, view, option source
// or event. Each listener acks first, parses with zod (src/slack/slack-values.ts),
// calls the domain, renders.
import type { App } from '@slack/bolt';
import { closeTicket } from '../src/domain/tickets/close-ticket.ts';
import { markOnSite } from '../src/domain/tickets/mark-on-site.ts';
import { releaseTicket } from '../src/domain/tickets/release-ticket.ts';
import type { BotContext } from '../src/slack/bot-context.ts';
import { approvalIds, commands, homeIds, retentionIds, ticketIds, visitIds, xregionIds } from '../src/slack/ids.ts';
import { onlyFirstDelivery } from '../src/slack/seen-deliveries.ts';
import { approvalApproveAction } from './actions/approval-approve.ts';
import { approvalRejectAction } from './actions/approval-reject.ts';
import { retentionRecordOutcomeAction } from './actions/retention-record-outcome.ts';
import { amCommand } from './commands/am.ts';
import { retainCommand } from './commands/retain.ts';
import { retentionCustomerOptions } from './options/retention-customers.ts';
import { approvalRejectReasonView } from './views/approval-reject-reason.ts';
import { retentionRecordView } from './views/retention-record.ts';
import { xregionAcceptAction } from './actions/xregion/accept.ts';
import { xregionFindPageAction } from './actions/xregion/find-page.ts';
import { xregionMemberLookupAction } from './actions/xregion/member-lookup.ts';
import { answerForms, xregionOpenFormAction } from './actions/xregion/open-answer-form.ts';
import { xregionCommand } from './commands/xregion.ts';
import { xregionHomeRegionOptions } from './options/xregion-home-region.ts';
import { xregionAcceptanceSubmitted } from './views/xregion/acceptance-submitted.ts';
import { xregionCorrectionSubmitted } from './views/xregion/correction-submitted.ts';
import { xregionRejectSubmitted } from './views/xregion/reject-submitted.ts';
import { xregionReplySubmitted } from './views/xregion/reply-submitted.ts';
import { visitEditAction } from './actions/visit-edit.ts';
import { visitHistoryPageAction } from './actions/visit-history-page.ts';
import { visitLogForAction } from './actions/visit-log-for.ts';
import { visitCommand } from './commands/visit.ts';
import { visitCustomerSearch } from './options/visit-customer-search.ts';
import { visitFormSubmission } from './views/visit-form.ts';
import { appHomeOpenedEvent } from './events/app-home-opened.ts';
import { directMessageEvent } from './events/direct-message.ts';
import { homePageAction } from './actions/home-page.ts';
import { ticketClaimAction } from './actions/ticket-claim.ts';
import { ticketClaimCheckAction } from './actions/ticket-claim-check.ts';
import { ticketOpenMessageAction } from './actions/ticket-open-message.ts';
import { ticketOpenModalAction } from './actions/ticket-open-modal.ts';
import { ticketResumeAction } from './actions/ticket-resume.ts';
import { ticketStepAction } from './actions/ticket-step.ts';
import { ticketCommand } from './commands/ticket.ts';
import { ticketCustomerOptions } from './options/ticket-customers.ts';
import { ticketMajorView } from './views/ticket-major.ts';
import { ticketNewView } from './views/ticket-new.ts';
import { ticketPauseView } from './views/ticket-pause.ts';
import { ticketReassignView } from './views/ticket-reassign.ts';
import { ticketRestoreView } from './views/ticket-restore.ts';

export function registerHandlers(app: App, ctx: BotContext): void {
  // Before every listener: a repeated delivery of the same request is acknowledged only.
  app.use(onlyFirstDelivery(ctx));

  app.command(commands.am, amCommand(ctx));

  // Approvals: one mechanism for every kind of request.
  app.action(approvalIds.approve, approvalApproveAction(ctx));
  app.action(approvalIds.reject, approvalRejectAction(ctx));
  app.view(approvalIds.rejectView, approvalRejectReasonView(ctx));

  // Retention.
  app.command(commands.retain, retainCommand(ctx));
  app.options(retentionIds.customer, retentionCustomerOptions(ctx));
  app.view(retentionIds.recordView, retentionRecordView(ctx));
  app.action(retentionIds.recordOutcome, retentionRecordOutcomeAction(ctx));

  // Cross-region service requests.
  app.command(commands.xregion, xregionCommand(ctx));
  app.action(xregionIds.memberLookup, xregionMemberLookupAction(ctx));
  app.options(xregionIds.homeRegionOptions, xregionHomeRegionOptions(ctx));
  app.view(xregionIds.acceptanceForm, xregionAcceptanceSubmitted(ctx));
  app.action(xregionIds.accept, xregionAcceptAction(ctx));
  app.action(xregionIds.reply, xregionOpenFormAction(ctx, answerForms.reply));
  app.action(xregionIds.reject, xregionOpenFormAction(ctx, answerForms.reject));
  app.action(xregionIds.correctAcceptance, xregionOpenFormAction(ctx, answerForms.correctAcceptance));
  app.action(xregionIds.correctReply, xregionOpenFormAction(ctx, answerForms.correctReply));
  app.view(xregionIds.replyForm, xregionReplySubmitted(ctx));
  app.view(xregionIds.rejectForm, xregionRejectSubmitted(ctx));
  app.view(xregionIds.acceptanceCorrectionForm, xregionCorrectionSubmitted(ctx, 'acceptance'));
  app.view(xregionIds.replyCorrectionForm, xregionCorrectionSubmitted(ctx, 'reply'));
  app.action(xregionIds.findNextPage, xregionFindPageAction(ctx));
  app.action(xregionIds.findPreviousPage, xregionFindPageAction(ctx));

  // Visits and follow-ups.
  app.command(commands.visit, visitCommand(ctx));
  app.action(visitIds.edit, visitEditAction(ctx));
  app.action(visitIds.logFor, visitLogForAction(ctx));
  app.action(visitIds.historyNewer, visitHistoryPageAction(ctx));
  app.action(visitIds.historyOlder, visitHistoryPageAction(ctx));
  app.view(visitIds.form, visitFormSubmission(ctx));
  app.options({ action_id: visitIds.customerSearch }, visitCustomerSearch(ctx));

  // The App Home tab.
  app.event('app_home_opened', appHomeOpenedEvent(ctx));
  app.action(homeIds.nextPage, homePageAction(ctx));
  app.action(homeIds.previousPage, homePageAction(ctx));
  // The Messages tab: whatever is typed there gets the help.
  app.message(directMessageEvent(ctx));

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
  app.action(ticketIds.pause, ticketOpenModalAction(ctx, 'pause'));
  app.action(ticketIds.resume, ticketResumeAction(ctx));
  app.action(ticketIds.reassign, ticketOpenModalAction(ctx, 'reassign'));
  app.action(ticketIds.openMessage, ticketOpenMessageAction());
  app.action(ticketIds.stillOnIt, ticketClaimCheckAction(ctx, 'still_on_it'));
  app.action(ticketIds.checkRelease, ticketClaimCheckAction(ctx, 'release'));
  app.view(ticketIds.newView, ticketNewView(ctx));
  app.view(ticketIds.restoreView, ticketRestoreView(ctx));
  app.view(ticketIds.majorView, ticketMajorView(ctx));
  app.view(ticketIds.pauseView, ticketPauseView(ctx));
  app.view(ticketIds.reassignView, ticketReassignView(ctx));
  app.options(ticketIds.customerSearch, ticketCustomerOptions(ctx));
  app.options(ticketIds.affectedSearch, ticketCustomerOptions(ctx));
}

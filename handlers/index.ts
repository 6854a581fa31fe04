// Registers every Slack listener: one file per command, action, view, option source
// or event. Each listener acks first, parses with zod, calls the domain, renders.
import type { App } from '@slack/bolt';
import type { BotContext } from '../src/slack/bot-context.ts';
import { approvalIds, commands, retentionIds } from '../src/slack/ids.ts';
import { approvalApproveAction } from './actions/approval-approve.ts';
import { approvalRejectAction } from './actions/approval-reject.ts';
import { retentionRecordOutcomeAction } from './actions/retention-record-outcome.ts';
import { amCommand } from './commands/am.ts';
import { notYetAvailableCommand } from './commands/not-yet-available.ts';
import { retainCommand } from './commands/retain.ts';
import { retentionCustomerOptions } from './options/retention-customers.ts';
import { approvalRejectReasonView } from './views/approval-reject-reason.ts';
import { retentionRecordView } from './views/retention-record.ts';

export function registerHandlers(app: App, ctx: BotContext): void {
  app.command(commands.am, amCommand(ctx));
  for (const command of [commands.visit, commands.ticket, commands.xregion]) {
    app.command(command, notYetAvailableCommand(ctx));
  }

  // Approvals: one mechanism for every kind of request.
  app.action(approvalIds.approve, approvalApproveAction(ctx));
  app.action(approvalIds.reject, approvalRejectAction(ctx));
  app.view(approvalIds.rejectView, approvalRejectReasonView(ctx));

  // Retention.
  app.command(commands.retain, retainCommand(ctx));
  app.options(retentionIds.customer, retentionCustomerOptions(ctx));
  app.view(retentionIds.recordView, retentionRecordView(ctx));
  app.action(retentionIds.recordOutcome, retentionRecordOutcomeAction(ctx));
}

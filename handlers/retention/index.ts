// Retention: /retain, its form and the outcome buttons.
import type { App } from '@slack/bolt';
import type { BotContext } from '../../src/slack/bot-context.ts';
import { commands, retentionIds, shortcutIds } from '../../src/slack/ids.ts';
import { retentionRecordOutcomeAction } from './actions/record-outcome.ts';
import { retainCommand } from './retain-command.ts';
import { recordRetentionShortcut } from './shortcuts/record-retention.ts';
import { retentionCustomerOptions } from './options/customers.ts';
import { retentionRecordView } from './views/record.ts';

export function registerRetentionListeners(app: App, ctx: BotContext): void {
  app.command(commands.retain, retainCommand(ctx));
  app.shortcut(shortcutIds.recordRetention, recordRetentionShortcut(ctx));
  app.options(retentionIds.customer, retentionCustomerOptions(ctx));
  app.view(retentionIds.recordView, retentionRecordView(ctx));
  app.action(retentionIds.recordOutcome, retentionRecordOutcomeAction(ctx));
}

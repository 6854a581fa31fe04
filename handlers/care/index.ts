// Care callbacks after a fault: the task's "Log callback" and the retention offer's button.
import type { App } from '@slack/bolt';
import type { BotContext } from '../../src/slack/bot-context.ts';
import { careIds } from '../../src/slack/ids.ts';
import { careLogCallbackAction } from './actions/log-callback.ts';
import { retentionRecordOutcomeAction } from '../retention/actions/record-outcome.ts';

export function registerCareListeners(app: App, ctx: BotContext): void {
  app.action(careIds.logCallback, careLogCallbackAction(ctx));
  app.action(careIds.openRetention, retentionRecordOutcomeAction(ctx, { trigger: 'service' }));
}

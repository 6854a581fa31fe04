// Registers every Slack listener, area by area (each area's index.ts lists its own: one
// file per command, action, view, option source or event). Each listener acks first,
// reads the payload through src/slack/edge, calls the domain, renders.
import type { App } from '@slack/bolt';
import type { BotContext } from '../src/slack/bot-context.ts';
import { afterFirstDelivery, onlyFirstDelivery } from '../src/slack/seen-deliveries.ts';
import { routedApp } from '../src/slack/edge/listener-router.ts';
import { workAfterAck, type WorkAfterAck } from '../src/slack/edge/work-after-ack.ts';
import { registerApprovalListeners } from './approvals/index.ts';
import { registerDirectoryListeners } from './directory/index.ts';
import { amHelpFromMemory } from './directory/am-help-from-memory.ts';
import { registerHomeListeners } from './home/index.ts';
import { registerRetentionListeners } from './retention/index.ts';
import { registerTicketListeners } from './tickets/index.ts';
import { registerVisitListeners } from './visits/index.ts';
import { registerXregionListeners } from './xregion/index.ts';
import { registerPrivacyListeners } from './privacy/index.ts';
import { registerCareListeners } from './care/index.ts';
import { registerPlanListeners } from './plans/index.ts';

/** Registers every listener; what it returns keeps the listeners' work after their ack, for a stop. */
export function registerHandlers(bolt: App, ctx: BotContext): WorkAfterAck {
  // The front door answered from memory in the ack, with nothing after it to record.
  bolt.use(amHelpFromMemory(ctx));
  // Before every listener: each delivery's key recorded; a repeat is acknowledged only.
  bolt.use(onlyFirstDelivery(ctx));
  // Every listener acks at once; its work after the ack goes on for a first delivery only,
  // and at most LISTENER_CONCURRENCY listeners work past their ack. Listeners named by an
  // id are found in a table, not matched one by one by Bolt.
  const work = workAfterAck(ctx.config.listenerConcurrency, (error) => ctx.logger.error({ err: error }, 'listener failed after its ack'));
  const app = routedApp(bolt, (listener) => afterFirstDelivery(work.bounded(listener)));
  registerDirectoryListeners(app, ctx);
  registerApprovalListeners(app, ctx);
  registerRetentionListeners(app, ctx);
  registerXregionListeners(app, ctx);
  registerVisitListeners(app, ctx);
  registerHomeListeners(app, ctx);
  registerTicketListeners(app, ctx);
  registerPrivacyListeners(app, ctx);
  registerCareListeners(app, ctx);
  registerPlanListeners(app, ctx);
  return work;
}

// Every kind of outbox message and who delivers it. A kind written by the domain with
// no deliverer here fails loudly in the sweep (and is retried), never silently.
import type { BotContext } from '../bot-context.ts';
import { approvalDeliverers } from '../approvals/approval-deliverers.ts';
import { ticketDeliverers } from '../tickets/ticket-deliverers.ts';
import { workLogDeliverers } from '../tickets/work-log-deliverers.ts';
import { requestDeliverers } from '../xregion/request-deliverers.ts';
import { homeDeliverers } from '../home/home-deliverers.ts';
import { calendarDeliverers } from '../calendar/calendar-deliverers.ts';
import { careDeliverers } from '../care/care-deliverers.ts';
import { planDeliverers } from '../plans/plan-deliverers.ts';
import type { Deliverer } from './outbox-sweep.ts';

export function outboxDeliverers(ctx: BotContext): Record<string, Deliverer> {
  return { ...ticketDeliverers(ctx), ...workLogDeliverers(ctx), ...approvalDeliverers(ctx), ...requestDeliverers(ctx), ...homeDeliverers(ctx), ...calendarDeliverers(ctx), ...careDeliverers(ctx), ...planDeliverers(ctx) };
}

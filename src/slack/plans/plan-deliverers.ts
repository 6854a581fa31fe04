// The outbox's deliverers for activity plans' report reminders: a direct message to the
// manager with "Record report", unless the report came in meanwhile.
import { z } from 'zod';
import { planAnnouncementKinds } from '../../domain/plans/plan-report-reminders.ts';
import { fromDbDate } from '../../domain/local-time.ts';
import { t, tPlain } from '../../i18n/catalog.ts';
import type { BotContext } from '../bot-context.ts';
import { deliverMessage } from '../deliver.ts';
import { planIds } from '../ids.ts';
import { plainText, section } from '../kit/text.ts';
import { localeOf } from '../locale.ts';
import type { Deliverer, OutboxRow } from '../outbox/outbox-sweep.ts';

const payload = z.object({ planId: z.string().regex(/^\d+$/).transform(BigInt) });

function reportReminder(ctx: BotContext, key: 'plan.report_asked' | 'plan.report_overdue'): Deliverer {
  return async (row: OutboxRow) => {
    const plan = await ctx.db.activityPlan.findUnique({ where: { id: payload.parse(row.payload).planId } });
    if (!plan || plan.status !== 'approved') return;
    const locale = await localeOf(ctx, plan.managerId);
    const text = t(locale, key, { theme: plan.theme, id: String(plan.id), dueOn: plan.reportDueOn ? fromDbDate(plan.reportDueOn) : '—' });
    const blocks = [
      section(text),
      {
        type: 'actions' as const,
        block_id: 'plan_report',
        elements: [{ type: 'button' as const, action_id: planIds.openReport, style: 'primary' as const, value: String(plan.id), text: plainText(tPlain(locale, 'plan.report_button'), 75) }],
      },
    ];
    await deliverMessage(ctx, { channel: plan.managerId, text, blocks }, `${key}:${plan.id}`);
  };
}

export function planDeliverers(ctx: BotContext): Record<string, Deliverer> {
  return {
    [planAnnouncementKinds.reportAsked]: reportReminder(ctx, 'plan.report_asked'),
    [planAnnouncementKinds.reportOverdue]: reportReminder(ctx, 'plan.report_overdue'),
  };
}

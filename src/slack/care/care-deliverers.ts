// The outbox's deliverers for care callbacks (src/domain/care/care-announcements.ts):
// each a direct message to the account manager, rendered from the callback as it is
// at delivery — a reminder for a callback logged meanwhile is not sent.
import { z } from 'zod';
import { careAnnouncementKinds } from '../../domain/care/care-announcements.ts';
import { loadCareCallback, type CareCallbackRecord } from '../../domain/care/find-care-callback.ts';
import type { Locale } from '../../i18n/catalog.ts';
import type { Rendered } from '../approvals/approval-request.ts';
import type { BotContext } from '../bot-context.ts';
import { deliverMessage } from '../deliver.ts';
import { localeOf } from '../locale.ts';
import type { Deliverer, OutboxRow } from '../outbox/outbox-sweep.ts';
import { careDissatisfiedMessage, careDueMessage, careTaskMessage } from './care-messages.ts';

const payload = z.object({ callbackId: z.string().regex(/^\d+$/).transform(BigInt) });

function toManager(ctx: BotContext, kind: string, render: (locale: Locale, callback: CareCallbackRecord) => Rendered | null): Deliverer {
  return async (row: OutboxRow) => {
    const callback = await loadCareCallback(ctx, payload.parse(row.payload).callbackId);
    if (!callback) return;
    const locale = await localeOf(ctx, callback.managerId);
    const rendered = render(locale, callback);
    if (!rendered) return;
    await deliverMessage(ctx, { channel: callback.managerId, ...rendered }, `${kind}:${callback.id}`);
  };
}

export function careDeliverers(ctx: BotContext): Record<string, Deliverer> {
  const timeZone = ctx.config.timezone;
  return {
    [careAnnouncementKinds.task]: toManager(ctx, careAnnouncementKinds.task, (locale, callback) =>
      callback.doneAt ? null : careTaskMessage(locale, callback, { timeZone, hours: ctx.config.care.callbackWorkingHours }),
    ),
    [careAnnouncementKinds.due]: toManager(ctx, careAnnouncementKinds.due, (locale, callback) => (callback.doneAt ? null : careDueMessage(locale, callback, timeZone))),
    [careAnnouncementKinds.dissatisfied]: toManager(ctx, careAnnouncementKinds.dissatisfied, (locale, callback) => careDissatisfiedMessage(locale, callback)),
  };
}

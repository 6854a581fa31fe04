// The outbox's deliverer for the calendar's announcement: next year's calendar is
// missing — a direct message to every active admin, in their language.
import { z } from 'zod';
import { calendarAnnouncementKinds } from '../../domain/calendar/next-year-check.ts';
import { t } from '../../i18n/catalog.ts';
import type { BotContext } from '../bot-context.ts';
import { deliverMessage } from '../deliver.ts';
import { section } from '../kit/text.ts';
import { localeOf } from '../locale.ts';
import type { Deliverer } from '../outbox/outbox-sweep.ts';
import { weekText } from './calendar-year-message.ts';

const payload = z.object({ year: z.number().int() });

export function calendarDeliverers(ctx: BotContext): Record<string, Deliverer> {
  return {
    [calendarAnnouncementKinds.nextYearMissing]: async (row) => {
      const { year } = payload.parse(row.payload);
      // Loaded meanwhile (the import came before the delivery): nothing to say.
      if (await ctx.db.calendarYear.findUnique({ where: { year } })) return;
      const admins = await ctx.db.staff.findMany({ where: { role: 'admin', active: true }, select: { slackUserId: true }, orderBy: { slackUserId: 'asc' } });
      for (const admin of admins) {
        const locale = await localeOf(ctx, admin.slackUserId);
        const text = t(locale, 'calendar.next_year_missing', { year, week: weekText(locale, ctx.config.visits.workingDays) });
        await deliverMessage(ctx, { channel: admin.slackUserId, text, blocks: [section(text)] }, `calendar.next_year_missing:${year}:${admin.slackUserId}`);
      }
    },
  };
}

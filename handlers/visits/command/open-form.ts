// `/visit` with no text: the form, its time set to now (shown in the user's zone).
import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { requireStaff } from '../../../src/domain/directory/find-staff.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { answerPrivately } from '../../../src/slack/edge/answer-privately.ts';
import { localeOf } from '../../../src/slack/locale.ts';
import { timeZoneOf } from '../../../src/slack/time-zone.ts';
import { openVisitForm } from '../../../src/slack/visits/open-visit-form.ts';

type Input = { userId: string; triggerId: string; client: WebClient; respond: RespondFn };

export async function openVisitFormCommand(ctx: BotContext, input: Input): Promise<void> {
  try {
    await requireStaff(ctx, input.userId);
    const [locale, timeZone] = await Promise.all([localeOf(ctx, input.userId), timeZoneOf(ctx, input.userId)]);
    await openVisitForm(ctx, input.client, { triggerId: input.triggerId, locale, prefill: { occurredAt: ctx.clock.now() }, metadata: { timeZone } });
  } catch (error) {
    // Refusals (not registered) and a failed views.open are answered privately.
    await answerPrivately(ctx, { userId: input.userId, respond: input.respond }, async () => {
      throw error;
    });
  }
}

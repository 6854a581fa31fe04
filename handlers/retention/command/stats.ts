// /retain stats [YYYY-MM]
import { retentionStats } from '../../../src/domain/retention/retention-stats.ts';
import type { Locale } from '../../../src/i18n/catalog.ts';
import type { Reply } from '../../../src/slack/edge/answer-privately.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { retentionStatsMessage } from '../../../src/slack/retention/retention-stats.ts';

export async function retainStats(ctx: BotContext, input: { userId: string; args: string[]; locale: Locale }): Promise<Reply> {
  const stats = await retentionStats(ctx, { actorId: input.userId, month: input.args[0], timezone: ctx.config.timezone });
  return retentionStatsMessage(input.locale, stats);
}

// `/xregion find …` — by number, member, region or period; one page at a time.
import { findCrossRegionRequests } from '../../../src/domain/xregion/find-requests.ts';
import { parseFindQuery } from '../../../src/domain/xregion/find-query.ts';
import { searchRegions } from '../../../src/domain/xregion/search-regions.ts';
import { t, type Locale } from '../../../src/i18n/catalog.ts';
import type { Reply } from '../../../src/slack/edge/answer-privately.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { findResultsMessage } from '../../../src/slack/xregion/find-results.ts';
import { readerFor } from '../../../src/slack/xregion/request-messages.ts';

export async function xregionFind(ctx: BotContext, input: { userId: string; args: string[]; locale: Locale; page?: number }): Promise<Reply> {
  const query = parseFindQuery(input.args, await searchRegions(ctx, ''));
  if (!query) return { text: t(input.locale, 'xregion.find.usage') };
  const { timeZone } = await readerFor(ctx, input.userId);
  const found = await findCrossRegionRequests(ctx, { actorId: input.userId, query, page: input.page ?? 1, timeZone });
  return findResultsMessage(input.locale, input.args.join(' '), found, timeZone);
}

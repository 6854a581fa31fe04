// The home-region picker of the acceptance form: regions matching what was typed.
import type { AllMiddlewareArgs, SlackOptionsMiddlewareArgs } from '@slack/bolt';
import { searchRegions } from '../../../src/domain/xregion/search-regions.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { noOptions } from '../../../src/slack/edge/edge-answers.ts';
import { readOptionQuery } from '../../../src/slack/edge/slack-values.ts';

export function xregionHomeRegionOptions(ctx: BotContext) {
  return async ({ ack, options }: SlackOptionsMiddlewareArgs<'block_suggestion'> & AllMiddlewareArgs) => {
    const query = readOptionQuery(options.value);
    if (query === null) return ack(noOptions);
    const regions = await searchRegions(ctx, query).catch((error: unknown) => {
      ctx.logger.warn({ err: error }, 'region search failed');
      return [];
    });
    await ack({ options: regions.map((r) => ({ text: { type: 'plain_text' as const, text: `${r.name} (${r.code})` }, value: r.code })) });
  };
}

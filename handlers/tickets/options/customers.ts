// The customer pickers of the ticket modals (external selects): any customer, by code,
// name, pinyin or initials.
import type { AllMiddlewareArgs, SlackOptionsMiddlewareArgs } from '@slack/bolt';
import { searchCustomers } from '../../../src/domain/directory/search-customers.ts';
import { truncate } from '../../../src/slack/kit/text.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { noOptions } from '../../../src/slack/edge/edge-answers.ts';
import { readOptionQuery } from '../../../src/slack/edge/slack-values.ts';

export function ticketCustomerOptions(ctx: BotContext) {
  return async ({ ack, options }: SlackOptionsMiddlewareArgs<'block_suggestion'> & AllMiddlewareArgs) => {
    const query = readOptionQuery(options.value);
    if (query === null) return ack(noOptions);
    // The answer is the acknowledgement itself, so the (capped) search comes first.
    // A failed search shows an empty list rather than Slack's load error.
    const found = await searchCustomers(ctx, { query, scope: { kind: 'directory' } }).catch((error: unknown) => {
      ctx.logger.warn({ err: error }, 'customer search failed');
      return [];
    });
    await ack({ options: found.map((c) => ({ text: { type: 'plain_text' as const, text: truncate(`${c.code} ${c.name}`, 75) }, value: c.code })) });
  };
}

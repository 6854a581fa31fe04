// The customer search of the /retain form (external_select). Options must travel in
// the ack itself, so the lookup comes first; it is one indexed query of 20 rows.
import type { AllMiddlewareArgs, SlackOptionsMiddlewareArgs } from '@slack/bolt';
import { searchRetentionCustomers } from '../../src/domain/retention/search-customers.ts';
import type { BotContext } from '../../src/slack/bot-context.ts';
import { noOptions } from '../../src/slack/edge-answers.ts';
import { readOptionQuery } from '../../src/slack/slack-values.ts';
import { customerOption } from '../../src/slack/views/retention-case.ts';

export function retentionCustomerOptions(ctx: BotContext) {
  return async ({ ack, body }: SlackOptionsMiddlewareArgs<'block_suggestion'> & AllMiddlewareArgs) => {
    const query = readOptionQuery(body.value);
    if (query === null) return ack(noOptions);
    const customers = await searchRetentionCustomers(ctx, { actorId: body.user.id, query }).catch((error: unknown) => {
      ctx.logger.warn({ err: error }, 'customer search failed');
      return [];
    });
    await ack({ options: customers.map(customerOption) });
  };
}

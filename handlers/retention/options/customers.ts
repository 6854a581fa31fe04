// The customer search of the /retain form (external_select): the customers the person
// may record a case for (their own; a supervisor's region; an admin's all), by code,
// name, pinyin or initials. Options must travel in the ack itself, so the lookup comes first.
import type { AllMiddlewareArgs, SlackOptionsMiddlewareArgs } from '@slack/bolt';
import { requireStaff } from '../../../src/domain/directory/find-staff.ts';
import { searchCustomers } from '../../../src/domain/directory/search-customers.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { noOptions } from '../../../src/slack/edge/edge-answers.ts';
import { readOptionQuery } from '../../../src/slack/edge/slack-values.ts';
import { customerOption } from '../../../src/slack/retention/retention-case.ts';

export function retentionCustomerOptions(ctx: BotContext) {
  return async ({ ack, body }: SlackOptionsMiddlewareArgs<'block_suggestion'> & AllMiddlewareArgs) => {
    const query = readOptionQuery(body.value);
    if (query === null) return ack(noOptions);
    const search = async () => searchCustomers(ctx, { query, scope: { kind: 'served_by', staff: await requireStaff(ctx, body.user.id) }, limit: 20 });
    const customers = await search().catch((error: unknown) => {
      ctx.logger.warn({ err: error }, 'customer search failed');
      return [];
    });
    await ack({ options: customers.map(customerOption) });
  };
}

// The customer menu of the visit form: the customers the user serves, by code, name
// (Chinese or Latin), pinyin or initials.
import type { AllMiddlewareArgs, SlackOptionsMiddlewareArgs } from '@slack/bolt';
import { findStaff } from '../../../src/domain/directory/find-staff.ts';
import { searchCustomers } from '../../../src/domain/directory/search-customers.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { noOptions } from '../../../src/slack/edge/edge-answers.ts';
import { readOptionQuery } from '../../../src/slack/edge/slack-values.ts';
import { customerOption } from '../../../src/slack/visits/visit-form.ts';

export function visitCustomerSearch(ctx: BotContext) {
  return async ({ ack, options }: SlackOptionsMiddlewareArgs<'block_suggestion'> & AllMiddlewareArgs) => {
    const query = readOptionQuery(options.value);
    if (query === null) return ack(noOptions);
    const staff = await findStaff(ctx, options.user.id).catch(() => null);
    if (!staff?.active) return ack(noOptions);
    const choices = await searchCustomers(ctx, { query, scope: { kind: 'served_by', staff } }).catch((error: unknown) => {
      ctx.logger.warn({ err: error }, 'customer search failed');
      return [];
    });
    await ack({ options: choices.map(customerOption) });
  };
}

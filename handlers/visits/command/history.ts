// `/visit history CUSTOMER` — the newest page; the buttons page through the rest.
import { DomainError } from '../../../src/errors.ts';
import { visitHistory } from '../../../src/domain/visits/visit-views.ts';
import { visitHistoryMessage } from '../../../src/slack/visits/visit-lists.ts';
import { timeZoneOf } from '../../../src/slack/time-zone.ts';
import type { Subcommand } from '../../subcommand.ts';

export const visitHistoryCommand: Subcommand = async (ctx, { userId, args, locale }) => {
  const customer = args.join(' ');
  if (!customer) throw new DomainError('visit_history_usage');
  const history = await visitHistory(ctx, { actorId: userId, customer, page: 0, policy: ctx.config.visits.policy });
  return visitHistoryMessage(locale, history, { userId, timeZone: await timeZoneOf(ctx, userId) });
};

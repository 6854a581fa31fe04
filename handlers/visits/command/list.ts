// `/visit list [mine | CUSTOMER | @manager] [PERIOD]` — the last 30 days by default.
import { DomainError } from '../../../src/errors.ts';
import { localDateOf } from '../../../src/domain/local-time.ts';
import { defaultPeriodDays, lastDays, looksLikePeriod, parsePeriod } from '../../../src/domain/visits/visit-period.ts';
import { listVisits, type ListScope } from '../../../src/domain/visits/visit-views.ts';
import { visitListMessage } from '../../../src/slack/visits/visit-lists.ts';
import { timeZoneOf } from '../../../src/slack/time-zone.ts';
import type { Subcommand } from '../../subcommand.ts';

const mention = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/;
const shown = 25;

export const visitListCommand: Subcommand = async (ctx, { userId, args, locale }) => {
  const timeZone = await timeZoneOf(ctx, userId);
  const today = localDateOf(ctx.clock.now(), timeZone);
  const words = [...args];
  const last = words.at(-1);
  let period = lastDays(defaultPeriodDays, today);
  if (last && looksLikePeriod(last)) {
    const parsed = parsePeriod(last, today);
    if (!parsed) throw new DomainError('visit_bad_period', { value: last });
    period = parsed;
    words.pop();
  }
  const target = words.join(' ');
  const manager = mention.exec(target);
  const scope: ListScope =
    target === '' || target.toLowerCase() === 'mine' ? { kind: 'mine' } : manager ? { kind: 'manager', managerId: manager[1]! } : { kind: 'customer', query: target };
  const list = await listVisits(ctx, { actorId: userId, scope, period, timeZone, limit: shown });
  return visitListMessage(locale, list, timeZone);
};

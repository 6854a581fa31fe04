// /am away FROM TO @deputy — a supervisor's approvals also go to a deputy for those days
// (in the supervisor's time zone); the deputy decides on their behalf.
import { delegateApprovals } from '../../../src/domain/approvals/approval-delegations.ts';
import { t } from '../../../src/i18n/catalog.ts';
import type { Subcommand } from '../../subcommand.ts';

// Slack escapes mentions as <@U123|name> (should_escape: true in manifest.yml).
const mention = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/;

export const amAway: Subcommand = async (ctx, { userId, args, locale }) => {
  const [from, to, who] = args;
  const deputy = who ? mention.exec(who) : null;
  if (!from || !to || !deputy || args.length > 3) return { text: t(locale, 'away.usage') };
  const { delegation } = await delegateApprovals(ctx, { delegatorId: userId, deputyId: deputy[1]!, from, to, defaultTimeZone: ctx.config.timezone });
  const staff = await ctx.db.staff.findUnique({ where: { slackUserId: userId }, select: { timezone: true } });
  return { text: t(locale, 'away.done', { from, to, zone: staff?.timezone ?? ctx.config.timezone, deputy: delegation.deputyId }) };
};

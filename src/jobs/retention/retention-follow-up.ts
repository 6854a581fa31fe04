// Timer kind 'retention.follow_up': on the follow-up date of a "considering" case, a
// direct message to the manager with a button to record the outcome. Once: the case
// is stamped after Slack accepted the message (a failure leaves it due again).
import type { Clock } from '../../clock.ts';
import { findOffer } from '../../domain/retention/offer-catalogue.ts';
import { followUpDue, markFollowUpReminded } from '../../domain/retention/follow-up-reminder.ts';
import { followUpReminder } from '../../slack/retention/retention-follow-up.ts';
import type { BotContext } from '../../slack/bot-context.ts';
import { deliverMessage } from '../../slack/deliver.ts';
import { localeOf } from '../../slack/locale.ts';
import type { TimerHandler } from '../sweep-due-timers.ts';

export function retentionFollowUpHandler(ctx: BotContext): TimerHandler {
  return async (timer, now) => {
    const due = await followUpDue(ctx, BigInt(timer.subjectId));
    if (!due) return null;
    const managerId = due.case.managerId;
    const locale = await localeOf(ctx, managerId).catch(() => ctx.config.locale);
    const offer = due.case.offerCode ? findOffer(ctx.config.retention.offers, due.case.offerCode) : undefined;
    const rendered = followUpReminder(locale, { ...due, offerName: offer?.name[locale] ?? due.case.offerCode ?? '—' });
    await deliverMessage(ctx, { channel: managerId, ...rendered }, `retention_case:${due.case.id}`);
    await markFollowUpReminded({ db: ctx.db, clock: { now: () => now } satisfies Clock }, due);
    return null;
  };
}

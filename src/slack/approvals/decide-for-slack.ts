// A decision clicked in Slack: the domain decides, the clicker gets a private word when
// there is something to say (refused, already decided, one more approver needed), and
// the public effects — the message updated in place, the requester told — are returned
// as `publish`, to run after Slack has been acknowledged.
import { decideApproval, type Verdict } from '../../domain/approvals/decide-approval.ts';
import { t, tPlain, type Mrkdwn } from '../../i18n/catalog.ts';
import type { BotContext } from '../bot-context.ts';
import { describeFailure } from '../edge/describe-failure.ts';
import { localeOf } from '../locale.ts';

export type SlackDecision = { notice: Mrkdwn | null; publish(): Promise<void> };

const nothingToPublish = async () => {};

export async function decideForSlack(
  ctx: BotContext,
  input: { requestId: bigint; deciderId: string; verdict: Verdict; reason?: string },
): Promise<SlackDecision> {
  const locale = await localeOf(ctx, input.deciderId).catch(() => ctx.config.locale);
  try {
    const decided = await decideApproval(ctx, input);
    // The decision's announcement was written with it; the outbox updates the message and tells the requester.
    const publish = async () => ctx.outbox.kick();
    switch (decided.result) {
      case 'decided':
        return { notice: null, publish };
      case 'counted':
        return { notice: t(locale, 'approval.counted'), publish };
      case 'abstained':
        return { notice: t(locale, 'approval.abstained'), publish };
      case 'already_voted': {
        // Someone who stepped aside hears so, not that they approved.
        const abstained = decided.record.decisions.some((d) => d.deciderId === input.deciderId && d.verdict === 'abstain');
        return { notice: t(locale, abstained ? 'approval.already_abstained' : 'approval.already_voted'), publish: nothingToPublish };
      }
      case 'already_decided':
        return { notice: t(locale, 'approval.already_decided', { state: tPlain(locale, `approval.state.${decided.record.status}`) }), publish: nothingToPublish };
    }
  } catch (error) {
    return { notice: await describeFailure(ctx, locale, error), publish: nothingToPublish };
  }
}

// A decision clicked in Slack: the domain decides, the clicker gets a private word when
// there is something to say (refused, already decided, one more approver needed), and
// the public effects — the message updated in place, the requester told — are returned
// as `publish`, to run after Slack has been acknowledged.
import { decideApproval, type Verdict } from '../../domain/approvals/decide-approval.ts';
import { t, tPlain, type Mrkdwn } from '../../i18n/catalog.ts';
import type { BotContext } from '../bot-context.ts';
import { describeFailure } from '../describe-failure.ts';
import { localeOf } from '../locale.ts';
import { publishApprovalState } from './publish-approval.ts';

export type SlackDecision = { notice: Mrkdwn | null; publish(): Promise<void> };

const nothingToPublish = async () => {};

export async function decideForSlack(
  ctx: BotContext,
  input: { requestId: bigint; deciderId: string; verdict: Verdict; reason?: string },
): Promise<SlackDecision> {
  const locale = await localeOf(ctx, input.deciderId).catch(() => ctx.config.locale);
  try {
    const decided = await decideApproval(ctx, input);
    // The decision stands either way; a message Slack refuses now is logged, not retried.
    const publish = () =>
      publishApprovalState(ctx, input.requestId).catch((error: unknown) => ctx.logger.warn({ err: error, requestId: String(input.requestId) }, 'approval update not delivered'));
    switch (decided.result) {
      case 'decided':
        return { notice: null, publish };
      case 'counted':
        return { notice: t(locale, 'approval.counted'), publish };
      case 'already_voted':
        return { notice: t(locale, 'approval.already_voted'), publish: nothingToPublish };
      case 'already_decided':
        return { notice: t(locale, 'approval.already_decided', { state: tPlain(locale, `approval.state.${decided.record.status}`) }), publish: nothingToPublish };
    }
  } catch (error) {
    return { notice: await describeFailure(ctx, locale, error), publish: nothingToPublish };
  }
}

// The common shape of a cross-region modal submission: run the domain, then answer
// Slack once — field errors on the blocks they belong to (nothing was stored), a
// refusal on the form's main block, or the confirmation view — and only after that
// do the slower follow-up (channel updates, DMs), so the 3-second ack is never at risk.
import type { ViewResponseAction } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import { FormRejected } from '../../errors.ts';
import { tPlain, type Locale } from '../../i18n/catalog.ts';
import type { BotContext } from '../bot-context.ts';
import { describeFailure } from './describe-failure.ts';
import { localeBeforeAck } from '../locale.ts';

export type Outcome = { view?: ModalView; after?: () => Promise<void> };

export async function answerSubmission(
  ctx: BotContext,
  input: { userId: string; ack: (response?: ViewResponseAction) => Promise<void>; blockIds: Record<string, string>; mainBlockId: string },
  work: (locale: Locale) => Promise<Outcome>,
): Promise<void> {
  const locale = await localeBeforeAck(ctx, input.userId).catch(() => ctx.config.locale);
  let outcome: Outcome;
  try {
    outcome = await work(locale);
  } catch (error) {
    const errors: Record<string, string> = {};
    if (error instanceof FormRejected) {
      // Modal errors are plain text: shown as written, nothing to escape.
      for (const issue of error.issues) errors[input.blockIds[issue.field] ?? input.mainBlockId] ??= tPlain(locale, issue.message, issue.params);
    } else {
      errors[input.mainBlockId] = await describeFailure(ctx, locale, error);
    }
    await input.ack({ response_action: 'errors', errors });
    return;
  }
  await input.ack(outcome.view ? { response_action: 'update', view: outcome.view } : undefined);
  try {
    await outcome.after?.();
  } catch (error) {
    ctx.logger.error({ err: error }, 'cross-region follow-up failed after the form was stored');
  }
}

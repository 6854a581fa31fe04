// The common shape of a modal submission: run the domain, then answer Slack once —
// field errors on the blocks they belong to (a FormRejected: nothing was stored), a
// refusal on the form's main block, or the confirmation view — and only after that
// do the slower follow-up, so the 3-second ack is never at risk.
import type { ViewResponseAction } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import { FormRejected } from '../../errors.ts';
import { tPlain, type Locale, type Mrkdwn } from '../../i18n/catalog.ts';
import type { BotContext } from '../bot-context.ts';
import { describeFailure } from './describe-failure.ts';
import { localeBeforeAck } from '../locale.ts';

export type Outcome = { view?: ModalView; after?: () => Promise<void> };

export async function answerSubmission(
  ctx: BotContext,
  input: {
    userId: string;
    ack: (response?: ViewResponseAction) => Promise<void>;
    /** The block each field's error goes on (a field not listed: the main block); without it a field is its block's id. */
    blockIds?: Record<string, string>;
    mainBlockId: string;
    /** Known from readSubmission; otherwise looked up without waiting for Slack. */
    locale?: Locale;
    /** How a refusal reads (e.g. with a ticket's dates and states worded); describeFailure otherwise. */
    describe?: (locale: Locale, error: unknown) => Promise<Mrkdwn>;
  },
  work: (locale: Locale) => Promise<Outcome | void>,
): Promise<void> {
  const locale = input.locale ?? (await localeBeforeAck(ctx, input.userId).catch(() => ctx.config.locale));
  const blockOf = (field: string) => (input.blockIds ? (input.blockIds[field] ?? input.mainBlockId) : field);
  let outcome: Outcome | void;
  try {
    outcome = await work(locale);
  } catch (error) {
    const errors: Record<string, string> = {};
    if (error instanceof FormRejected) {
      // Modal errors are plain text: shown as written, nothing to escape.
      for (const issue of error.issues) errors[blockOf(issue.field)] ??= tPlain(locale, issue.message, issue.params);
    } else {
      errors[input.mainBlockId] = await (input.describe ?? ((l, e) => describeFailure(ctx, l, e)))(locale, error);
    }
    await input.ack({ response_action: 'errors', errors });
    return;
  }
  await input.ack(outcome?.view ? { response_action: 'update', view: outcome.view } : undefined);
  try {
    await outcome?.after?.();
  } catch (error) {
    ctx.logger.error({ err: error }, 'follow-up failed after the form was stored');
  }
}

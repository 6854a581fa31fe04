// Private answers about tickets. Refusals carry instants (claimedAt: since when someone
// holds it) and states; here they become Slack dates and words in the user's language
// before the common failure wording takes over.
import type { RespondFn } from '@slack/bolt';
import { DomainError } from '../../errors.ts';
import { TicketStatus } from '../../generated/prisma/enums.ts';
import type { Locale, Mrkdwn } from '../../i18n/catalog.ts';
import type { Fill } from '../../i18n/mrkdwn.ts';
import { answerPrivately, type Reply } from './answer-privately.ts';
import { slackDate } from '../kit/slack-date.ts';
import type { BotContext } from '../bot-context.ts';
import { describeFailure, WordedFailure } from './describe-failure.ts';
import { localeOf } from '../locale.ts';
import { statusLabel } from '../tickets/ticket-words.ts';

const statuses = new Set<string>(Object.values(TicketStatus));

export function localizeTicketError(error: unknown, locale: Locale, timezone: string): unknown {
  if (!(error instanceof DomainError)) return error;
  const params: Record<string, Fill> = { ...error.params };
  for (const [key, value] of Object.entries(params)) {
    if (key.endsWith('At') && typeof value === 'number') params[key] = slackDate(new Date(value), timezone);
    if (key === 'status' && typeof value === 'string' && statuses.has(value)) params[key] = statusLabel(locale, value as TicketStatus);
  }
  return new WordedFailure(error.code, params);
}

export async function describeTicketFailure(ctx: BotContext, locale: Locale, error: unknown): Promise<Mrkdwn> {
  return describeFailure(ctx, locale, localizeTicketError(error, locale, ctx.config.timezone));
}

/** A slash command's private answer (see answerPrivately), with ticket refusals worded. */
export function answerAboutTicket(ctx: BotContext, input: { userId: string; respond: RespondFn }, produce: (locale: Locale) => Promise<Reply>) {
  return answerPrivately(ctx, input, async (locale) => {
    try {
      return await produce(locale);
    } catch (error) {
      throw localizeTicketError(error, locale, ctx.config.timezone);
    }
  });
}

export type ActionOutcome = null | { replaceOriginal?: boolean; reply: (locale: Locale) => Reply };

/**
 * A button's answer: nothing when the ticket message says it all, a private reply when
 * there is something to say, and the refusal when the step was refused.
 */
export async function answerTicketAction(ctx: BotContext, input: { userId: string; respond: RespondFn }, work: () => Promise<ActionOutcome>): Promise<void> {
  let outcome: ActionOutcome;
  try {
    outcome = await work();
  } catch (error) {
    const locale = await localeOf(ctx, input.userId).catch(() => ctx.config.locale);
    await input.respond({ response_type: 'ephemeral', replace_original: false, text: await describeTicketFailure(ctx, locale, error) });
    return;
  }
  if (!outcome) return;
  const locale = await localeOf(ctx, input.userId).catch(() => ctx.config.locale);
  const reply = outcome.reply(locale);
  await input.respond(outcome.replaceOriginal ? { replace_original: true, ...reply } : { response_type: 'ephemeral', replace_original: false, ...reply });
}

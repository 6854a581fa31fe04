// How Start visit / End visit answer where the button was: in the visit form, its check-in
// line and button are replaced in place (views.update; the inputs keep what was typed);
// under a private answer or a digest, privately (on the Home, at the top of the Home).
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { KnownBlock } from '@slack/types';
import type { Locale, Mrkdwn } from '../../i18n/catalog.ts';
import type { BotContext } from '../bot-context.ts';
import { describeTicketFailure } from '../edge/answer-about-ticket.ts';
import type { Reply } from '../edge/answer-privately.ts';
import { tellClicker } from '../edge/tell-clicker.ts';
import { context } from '../kit/text.ts';
import { localeOf } from '../locale.ts';
import { timeZoneOf } from '../time-zone.ts';
import { checkInBlockIds, checkInBlocks, withCheckInBlocks, type CheckInState } from './check-in.ts';

type Args = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;
export type CheckInOutcome = { reply: Reply; state: CheckInState };
type Work = (input: { userId: string; locale: Locale; timeZone: string }) => Promise<CheckInOutcome>;

/** Runs the step and answers where the button was: the form updated in place, or privately. */
export async function answerCheckIn(ctx: BotContext, { body, client, respond }: Pick<Args, 'body' | 'client' | 'respond'>, work: Work): Promise<void> {
  const userId = body.user.id;
  const [locale, timeZone] = await Promise.all([localeOf(ctx, userId).catch(() => ctx.config.locale), timeZoneOf(ctx, userId).catch(() => ctx.config.timezone)]);
  let outcome: CheckInOutcome | { failure: Mrkdwn };
  try {
    outcome = await work({ userId, locale, timeZone });
  } catch (error) {
    outcome = { failure: await describeTicketFailure(ctx, locale, error) };
  }
  const view = body.view;
  if (view?.type === 'modal') {
    // The form stays open: only its check-in line and button change.
    const blocks = 'failure' in outcome ? replaceNote(view.blocks as KnownBlock[], outcome.failure) : withCheckInBlocks(view, checkInBlocks(locale, timeZone, outcome.state)).blocks;
    const { id, hash, type, callback_id, title, submit, close, private_metadata } = view as typeof view & Record<string, any>;
    await client.views.update({ view_id: id, hash, view: { type, callback_id, title, submit, close, private_metadata, blocks } as never });
    return;
  }
  const reply = 'failure' in outcome ? { text: outcome.failure } : outcome.reply;
  if (respond) await respond({ response_type: 'ephemeral', replace_original: false, ...reply });
  else await tellClicker(ctx, { userId, view: body.view }, reply.text);
}

/** A refusal in the form: the check-in line says why, the button stays. */
function replaceNote(blocks: KnownBlock[], text: Mrkdwn): KnownBlock[] {
  return blocks.map((b) => (b.block_id === checkInBlockIds.note ? { ...context(text), block_id: b.block_id } : b));
}


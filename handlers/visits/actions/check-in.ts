// Start visit / End visit, in the visit form (the form's check-in line is updated in place,
// what was typed stays) or under a private answer (answered privately). A refusal — a visit
// already under way, none to end — is shown the same way; nothing is stored.
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { KnownBlock } from '@slack/types';
import { endVisit, startVisit } from '../../../src/domain/visits/visit-check-in.ts';
import type { Mrkdwn } from '../../../src/i18n/catalog.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { describeTicketFailure } from '../../../src/slack/edge/answer-about-ticket.ts';
import type { Reply } from '../../../src/slack/edge/answer-privately.ts';
import { readButtonValue } from '../../../src/slack/edge/edge-answers.ts';
import { carried } from '../../../src/slack/edge/slack-values.ts';
import { tellClicker } from '../../../src/slack/edge/tell-clicker.ts';
import { localeOf } from '../../../src/slack/locale.ts';
import { timeZoneOf } from '../../../src/slack/time-zone.ts';
import { checkInBlocks, endedText, startedReply, withCheckInBlocks, type CheckInState } from '../../../src/slack/visits/check-in.ts';

type Args = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;
type Outcome = { reply: Reply; state: CheckInState | null };

function checkInAction<S extends typeof carried.customerCode | typeof carried.visitId>(
  ctx: BotContext,
  schema: S,
  work: (input: { userId: string; value: NonNullable<ReturnType<S['parse']>>; locale: Parameters<typeof startedReply>[0]; timeZone: string }) => Promise<Outcome>,
) {
  return async ({ ack, body, action, client, respond }: Args) => {
    await ack();
    const userId = body.user.id;
    const value = await readButtonValue(ctx, schema, action, { userId, respond, view: body.view });
    if (value === null) return;
    const [locale, timeZone] = await Promise.all([localeOf(ctx, userId).catch(() => ctx.config.locale), timeZoneOf(ctx, userId).catch(() => ctx.config.timezone)]);
    let outcome: Outcome | { failure: Mrkdwn };
    try {
      outcome = await work({ userId, value: value as never, locale, timeZone });
    } catch (error) {
      outcome = { failure: await describeTicketFailure(ctx, locale, error) };
    }
    const view = body.view;
    if (view?.type === 'modal') {
      // The form stays open: only its check-in line and button change.
      const state = 'failure' in outcome ? null : outcome.state;
      const blocks: KnownBlock[] = state ? checkInBlocks(locale, timeZone, state) : [];
      const shown = 'failure' in outcome ? replaceNote(view.blocks as KnownBlock[], outcome.failure) : withCheckInBlocks(view, blocks).blocks;
      const { id, hash, type, callback_id, title, submit, close, private_metadata } = view as typeof view & Record<string, any>;
      await client.views.update({ view_id: id, hash, view: { type, callback_id, title, submit, close, private_metadata, blocks: shown } as never });
      return;
    }
    const reply = 'failure' in outcome ? { text: outcome.failure } : outcome.reply;
    if (respond) await respond({ response_type: 'ephemeral', replace_original: false, ...reply });
    else await tellClicker(ctx, { userId, view: body.view }, reply.text);
  };
}

/** A refusal in the form: the check-in line says why, the button stays. */
function replaceNote(blocks: KnownBlock[], text: Mrkdwn): KnownBlock[] {
  return blocks.map((b) => (b.block_id === 'visit_check_in_note' ? { type: 'context', block_id: b.block_id, elements: [{ type: 'mrkdwn', text }] } : b));
}

export const visitStartAction = (ctx: BotContext) =>
  checkInAction(ctx, carried.customerCode, async ({ userId, value, locale, timeZone }) => {
    const { checkIn, customer } = await startVisit(ctx, { actorId: userId, customerCode: value as string });
    return { reply: startedReply(locale, timeZone, customer, checkIn), state: { customer, open: checkIn } };
  });

export const visitEndAction = (ctx: BotContext) =>
  checkInAction(ctx, carried.visitId, async ({ userId, value, locale, timeZone }) => {
    const { checkIn, customer, minutes } = await endVisit(ctx, { actorId: userId, checkInId: value as bigint });
    const text = endedText(locale, timeZone, customer, checkIn, minutes);
    return { reply: { text }, state: { customer, open: null, notice: text } };
  });

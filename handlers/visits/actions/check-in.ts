// Start visit / End visit, in the visit form, under a private answer or on the digest's
// row (src/slack/visits/answer-check-in.ts says where the answer goes). A refusal — a
// visit already under way, none to end — is shown the same way; nothing is stored.
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { endVisit, startVisit } from '../../../src/domain/visits/visit-check-in.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { readButtonValue } from '../../../src/slack/edge/edge-answers.ts';
import { carried } from '../../../src/slack/edge/slack-values.ts';
import { answerCheckIn } from '../../../src/slack/visits/answer-check-in.ts';
import { endedText, startedReply } from '../../../src/slack/visits/check-in.ts';

type Args = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

export const visitStartAction = (ctx: BotContext) => async (args: Args) => {
  await args.ack();
  const code = await readButtonValue(ctx, carried.customerCode, args.action, { userId: args.body.user.id, respond: args.respond, view: args.body.view });
  if (code === null) return;
  await answerCheckIn(ctx, args, async ({ userId, locale, timeZone }) => {
    const { checkIn, customer } = await startVisit(ctx, { actorId: userId, customerCode: code });
    return { reply: startedReply(locale, timeZone, customer, checkIn), state: { customer, open: checkIn } };
  });
};

export const visitEndAction = (ctx: BotContext) => async (args: Args) => {
  await args.ack();
  const checkInId = await readButtonValue(ctx, carried.visitId, args.action, { userId: args.body.user.id, respond: args.respond, view: args.body.view });
  if (checkInId === null) return;
  await answerCheckIn(ctx, args, async ({ userId, locale, timeZone }) => {
    const { checkIn, customer, minutes } = await endVisit(ctx, { actorId: userId, checkInId });
    const text = endedText(locale, timeZone, customer, checkIn, minutes);
    return { reply: { text }, state: { customer, open: null, notice: text } };
  });
};

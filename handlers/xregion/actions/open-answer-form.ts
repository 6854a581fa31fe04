// Reply, Turn back, and the two Correct buttons: check the clicker may do it, then open
// the matching modal while the trigger is fresh. A refusal is answered privately.
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import { prepareAcceptanceCorrection, prepareHomeRegionAnswer, prepareReplyCorrection } from '../../../src/domain/xregion/prepare-forms.ts';
import type { Locale } from '../../../src/i18n/catalog.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { describeFailure } from '../../../src/slack/edge/describe-failure.ts';
import { readButtonValue } from '../../../src/slack/edge/edge-answers.ts';
import { localeOf } from '../../../src/slack/locale.ts';
import { carried } from '../../../src/slack/edge/slack-values.ts';
import { acceptanceModal } from '../../../src/slack/xregion/acceptance-modal.ts';
import { rejectModal, replyModal } from '../../../src/slack/xregion/reply-modals.ts';

type BuildModal = (ctx: BotContext, locale: Locale, input: { requestId: string; actorId: string }) => Promise<ModalView>;

const reply: BuildModal = async (ctx, locale, input) => {
  const { record, actor } = await prepareHomeRegionAnswer(ctx, input);
  return replyModal(locale, record, { handledBy: actor.name, handledAt: ctx.clock.now() });
};

const reject: BuildModal = async (ctx, locale, input) => rejectModal(locale, (await prepareHomeRegionAnswer(ctx, input)).record);

const correctReply: BuildModal = async (ctx, locale, input) => {
  const { record, actor } = await prepareReplyCorrection(ctx, input);
  return replyModal(locale, record, { handledBy: actor.name, handledAt: ctx.clock.now() });
};

const correctAcceptance: BuildModal = async (ctx, locale, input) => {
  const { record } = await prepareAcceptanceCorrection(ctx, input);
  const { acceptance, request } = record;
  return acceptanceModal(locale, {
    servingRegionName: record.servingRegion.name,
    correction: { requestId: request.id, number: request.number, memberNumber: acceptance.memberNumber, homeRegionName: record.homeRegion.name, initial: acceptance },
  });
};

export const answerForms = { reply, reject, correctReply, correctAcceptance };

export function xregionOpenFormAction(ctx: BotContext, build: BuildModal) {
  return async ({ ack, body, action, respond, client }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs) => {
    await ack();
    const requestId = await readButtonValue(ctx, carried.xregionRequestId, action, { userId: body.user.id, respond });
    if (requestId === null) return;
    const locale = await localeOf(ctx, body.user.id).catch(() => ctx.config.locale);
    try {
      const view = await build(ctx, locale, { requestId, actorId: body.user.id });
      await client.views.open({ trigger_id: body.trigger_id, view });
    } catch (error) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: await describeFailure(ctx, locale, error) });
    }
  };
}

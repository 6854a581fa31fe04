// The acceptance form is submitted: store it (or show field errors, storing nothing),
// confirm in the modal, then route it to the home region and keep the serving copy.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { openCrossRegionRequest } from '../../../src/domain/xregion/open-request.ts';
import { t, tPlain } from '../../../src/i18n/catalog.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { slackTime } from '../../../src/slack/xregion/format.ts';
import { acceptanceBlockIds } from '../../../src/slack/xregion/acceptance-modal.ts';
import { doneModal } from '../../../src/slack/xregion/reply-modals.ts';
import { readSubmission } from '../../../src/slack/edge/edge-answers.ts';
import { answerSubmission } from '../../../src/slack/edge/answer-submission.ts';
import { staffTimeZone } from '../../../src/slack/xregion/request-messages.ts';
import { readAcceptanceForm } from './read-forms.ts';

export function xregionAcceptanceSubmitted(ctx: BotContext) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const userId = body.user.id;
    const read = await readSubmission(ctx, { userId, view });
    if (!read.ok) return ack(read.response);
    await answerSubmission(ctx, { userId, ack, blockIds: acceptanceBlockIds, mainBlockId: acceptanceBlockIds.description }, async (locale) => {
      const opened = await openCrossRegionRequest(ctx, { openerId: userId, form: readAcceptanceForm(read.values), policy: ctx.config.xregion, timeZone: ctx.config.timezone });
      const timeZone = await staffTimeZone(ctx, userId);
      const body = t(locale, 'xregion.submitted.body', { number: opened.number, home: opened.homeRegion.name, deadline: slackTime(opened.replyDeadline, timeZone) });
      return { view: doneModal(locale, tPlain(locale, 'xregion.submitted.title'), body), after: async () => ctx.outbox.kick() };
    });
  };
}

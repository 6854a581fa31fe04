// "Add details" (after a quick log) and "Edit" (in the history): the form, filled in
// with the visit as it stands, to save as a new version.
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { fromDbDate } from '../../../src/domain/local-time.ts';
import { requireEditableVisit } from '../../../src/domain/visits/edit-visit.ts';
import { answerPrivately } from '../../../src/slack/edge/answer-privately.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { readButtonValue } from '../../../src/slack/edge/edge-answers.ts';
import { localeOf } from '../../../src/slack/locale.ts';
import { carried } from '../../../src/slack/edge/slack-values.ts';
import { timeZoneOf } from '../../../src/slack/time-zone.ts';
import { openVisitForm } from '../../../src/slack/visits/open-visit-form.ts';

export function visitEditAction(ctx: BotContext) {
  return async ({ ack, body, action, client, respond }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs) => {
    await ack();
    const userId = body.user.id;
    const visitId = await readButtonValue(ctx, carried.visitId, action, { userId, respond, view: body.view });
    if (visitId === null) return;
    try {
      const { visit } = await requireEditableVisit(ctx, userId, visitId);
      const [locale, timeZone] = await Promise.all([localeOf(ctx, userId), timeZoneOf(ctx, userId)]);
      await openVisitForm(ctx, client, {
        triggerId: body.trigger_id,
        locale,
        prefill: {
          customer: visit.customer,
          kind: visit.kind,
          purposes: visit.purposes,
          occurredAt: visit.occurredAt,
          metWith: visit.metWith,
          summary: visit.summary,
          satisfaction: visit.satisfaction,
          nextFollowUpOn: fromDbDate(visit.nextFollowUpOn),
          editing: { authorId: visit.authorId, version: visit.version },
        },
        metadata: { timeZone, visitId: String(visit.id), version: visit.version },
      });
    } catch (error) {
      await answerPrivately(ctx, { userId, respond }, async () => {
        throw error;
      });
    }
  };
}

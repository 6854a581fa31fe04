// Enter in the member-number field: look the member up and show what the directory
// knows (card tier, home region, account manager) in the open form.
import type { AllMiddlewareArgs, BlockAction, PlainTextInputAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { requireServingRegion } from '../../../src/domain/xregion/access.ts';
import { findMember } from '../../../src/domain/xregion/find-member.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { localeOf } from '../../../src/slack/locale.ts';
import { problemOf } from '../../../src/slack/edge/slack-values.ts';
import { acceptanceModal } from '../../../src/slack/xregion/acceptance-modal.ts';

export function xregionMemberLookupAction(ctx: BotContext) {
  return async ({ ack, body, action, client }: SlackActionMiddlewareArgs<BlockAction<PlainTextInputAction>> & AllMiddlewareArgs) => {
    await ack();
    if (!body.view) return;
    // Control characters are not looked up (the submission shows the field error); text
    // that is merely too long is looked up, found nowhere, and shown back as typed.
    const typed = action.value ?? '';
    const number = problemOf(typed, 40)?.kind === 'control_characters' ? '' : typed.trim();
    const locale = await localeOf(ctx, body.user.id).catch(() => ctx.config.locale);
    const region = await requireServingRegion(ctx, body.user.id);
    const found = number ? await findMember(ctx, number) : null;
    const member = found && {
      name: found.customer.name,
      code: found.customer.code,
      cardTier: found.customer.cardTier,
      regionName: found.customer.region.name,
      accountManagerId: found.customer.accountManagerId,
    };
    const view = acceptanceModal(locale, { servingRegionName: region.name, lookup: number ? { number, member } : undefined });
    // The hash makes Slack refuse this update if the view changed meanwhile (e.g. submitted).
    await client.views.update({ view_id: body.view.id, hash: body.view.hash, view });
  };
}

// Cross-region service requests: /xregion, the forms and the buttons on the requests.
import type { App } from '@slack/bolt';
import type { BotContext } from '../../src/slack/bot-context.ts';
import { commands, shortcutIds, xregionIds } from '../../src/slack/ids.ts';
import { xregionAcceptAction } from './actions/accept.ts';
import { xregionFindPageAction } from './actions/find-page.ts';
import { xregionMemberLookupAction } from './actions/member-lookup.ts';
import { answerForms, xregionOpenFormAction } from './actions/open-answer-form.ts';
import { crossRegionShortcut } from './shortcuts/cross-region.ts';
import { xregionCommand } from './xregion-command.ts';
import { xregionHomeRegionOptions } from './options/home-region.ts';
import { xregionAcceptanceSubmitted } from './views/acceptance-submitted.ts';
import { xregionCorrectionSubmitted } from './views/correction-submitted.ts';
import { xregionRejectSubmitted } from './views/reject-submitted.ts';
import { xregionReplySubmitted } from './views/reply-submitted.ts';

export function registerXregionListeners(app: App, ctx: BotContext): void {
  app.command(commands.xregion, xregionCommand(ctx));
  app.shortcut(shortcutIds.crossRegion, crossRegionShortcut(ctx));
  app.action(xregionIds.memberLookup, xregionMemberLookupAction(ctx));
  app.options(xregionIds.homeRegionOptions, xregionHomeRegionOptions(ctx));
  app.view(xregionIds.acceptanceForm, xregionAcceptanceSubmitted(ctx));
  app.action(xregionIds.accept, xregionAcceptAction(ctx));
  app.action(xregionIds.reply, xregionOpenFormAction(ctx, answerForms.reply));
  app.action(xregionIds.reject, xregionOpenFormAction(ctx, answerForms.reject));
  app.action(xregionIds.correctAcceptance, xregionOpenFormAction(ctx, answerForms.correctAcceptance));
  app.action(xregionIds.correctReply, xregionOpenFormAction(ctx, answerForms.correctReply));
  app.view(xregionIds.replyForm, xregionReplySubmitted(ctx));
  app.view(xregionIds.rejectForm, xregionRejectSubmitted(ctx));
  app.view(xregionIds.acceptanceCorrectionForm, xregionCorrectionSubmitted(ctx, 'acceptance'));
  app.view(xregionIds.replyCorrectionForm, xregionCorrectionSubmitted(ctx, 'reply'));
  app.action(xregionIds.findNextPage, xregionFindPageAction(ctx));
  app.action(xregionIds.findPreviousPage, xregionFindPageAction(ctx));
}

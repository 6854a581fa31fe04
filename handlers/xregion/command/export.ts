// `/xregion export FROM TO` — the period's acceptance and reply forms as a CSV, uploaded
// into the requester's DM through the sender (its DM channel cache and pacing).
import { listFormsForExport } from '../../../src/domain/xregion/export-forms.ts';
import { localDayRange } from '../../../src/domain/local-time.ts';
import { DomainError } from '../../../src/errors.ts';
import { t, type Locale } from '../../../src/i18n/catalog.ts';
import type { Reply } from '../../../src/slack/edge/answer-privately.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { formsCsv } from '../../../src/slack/xregion/xregion-forms-csv.ts';
import { readerFor } from '../../../src/slack/xregion/request-messages.ts';

export async function xregionExport(ctx: BotContext, input: { userId: string; args: string[]; locale: Locale }): Promise<Reply> {
  const [from, to = from] = input.args;
  if (!from || input.args.length > 2) return { text: t(input.locale, 'xregion.export.usage') };
  const { timeZone } = await readerFor(ctx, input.userId);
  const range = localDayRange(from, to!, timeZone);
  if (!range) throw new DomainError('xregion_bad_period', { from, to: to! });
  const forms = await listFormsForExport(ctx, { actorId: input.userId, ...range });
  const period = { from, to: to! };
  if (forms.acceptance.length + forms.replies.length === 0) return { text: t(input.locale, 'xregion.export.none', period) };

  const filename = `xregion-forms-${from}-${to}.csv`;
  await ctx.sender.uploadFiles({
    channel: input.userId,
    initialComment: t(input.locale, 'xregion.export.comment', { ...period, timezone: timeZone }),
    files: [{ filename, title: filename, content: formsCsv(forms, { locale: input.locale, timeZone }) }],
  });
  return { text: t(input.locale, 'xregion.export.done', { ...period, acceptance: forms.acceptance.length, replies: forms.replies.length }) };
}

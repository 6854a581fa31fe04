// /am report [YYYY-MM] [REGION] — the monthly service-and-retention report on demand:
// the message privately, the chart and the CSV in the asker's direct messages. Without
// a month, the last complete one; supervisors get their own region.
import { buildMonthlyReport } from '../../../src/domain/reports/monthly-report.ts';
import { reportRegionFor } from '../../../src/domain/reports/report-access.ts';
import { checkedReportMonth, lastCompleteMonth } from '../../../src/domain/reports/report-month.ts';
import { t } from '../../../src/i18n/catalog.ts';
import { context } from '../../../src/slack/kit/text.ts';
import { monthlyReportFiles } from '../../../src/slack/reports/monthly-report-files.ts';
import { monthlyReportMessage } from '../../../src/slack/reports/monthly-report-message.ts';
import type { Subcommand } from '../../subcommand.ts';

// A word starting with a digit is the month (checked as such), anything else the region.
const looksLikeMonth = (word: string) => /^\d/.test(word);

export const amReport: Subcommand = async (ctx, { userId, args, locale }) => {
  const monthWords = args.filter(looksLikeMonth);
  const regionWords = args.filter((word) => !looksLikeMonth(word));
  if (monthWords.length > 1 || regionWords.length > 1) return { text: t(locale, 'report.usage') };
  const timeZone = ctx.config.timezone;
  const regionCode = await reportRegionFor(ctx, { actorId: userId, regionCode: regionWords[0] });
  const now = ctx.clock.now();
  const month = monthWords[0] ? checkedReportMonth(monthWords[0], now, timeZone) : lastCompleteMonth(now, timeZone);
  const report = await buildMonthlyReport(ctx, { regionCode, month, timeZone });

  const files = await monthlyReportFiles(locale, report);
  await ctx.sender.uploadFiles({ channel: userId, initialComment: t(locale, 'report.files_comment', { region: report.region.name, month }), files });
  const message = monthlyReportMessage(locale, report);
  return { text: message.text, blocks: [...(message.blocks ?? []), context(t(locale, 'report.sent_privately'))] };
};

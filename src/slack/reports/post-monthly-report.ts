// Posts one region's monthly report to its supervisors' channel, once: the message,
// then the chart and the CSV in its thread. Each step is stamped on the (region, month)
// row, so a retry after a passing failure carries on where it stopped, and a second
// sender (another process, a restart) finds the row taken and does nothing.
import type { Clock } from '../../clock.ts';
import { buildMonthlyReport } from '../../domain/reports/monthly-report.ts';
import {
  claimReportPost,
  releaseReportPost,
  settleReportPost,
  stampReportFiles,
  stampReportMessage,
  type ReportPostKey,
} from '../../domain/reports/monthly-report-posts.ts';
import { t } from '../../i18n/catalog.ts';
import type { BotContext } from '../bot-context.ts';
import { deliverFiles, deliverMessage } from '../deliver.ts';
import { monthlyReportFiles } from './monthly-report-files.ts';
import { monthlyReportMessage } from './monthly-report-message.ts';

export type PostOutcome = 'sent' | 'already_taken' | 'undeliverable';

export async function postMonthlyReportOnce(ctx: BotContext, key: ReportPostKey & { channel: string }, now: Date): Promise<PostOutcome> {
  const { db } = ctx;
  const claim = await claimReportPost(db, { regionCode: key.regionCode, month: key.month }, now);
  if (!claim) return 'already_taken';
  const where = `report:${key.regionCode}:${key.month}`;
  try {
    const report = await buildMonthlyReport({ db, clock: { now: () => now } satisfies Clock }, { regionCode: key.regionCode, month: key.month, timeZone: ctx.config.timezone });
    // A channel is read by many people: the bot's language.
    const locale = ctx.config.locale;
    let posted = claim.messageTs && claim.channelId ? { channel: claim.channelId, ts: claim.messageTs } : null;
    if (!posted) {
      posted = await deliverMessage(ctx, { channel: key.channel, ...monthlyReportMessage(locale, report) }, where);
      if (!posted) {
        await settleReportPost(db, claim.id, 'undeliverable', now);
        return 'undeliverable';
      }
      await stampReportMessage(db, claim.id, { channelId: posted.channel, messageTs: posted.ts });
    }
    if (!claim.filesUploadedAt) {
      const files = await monthlyReportFiles(locale, report);
      const comment = t(locale, 'report.files_comment', { region: report.region.name, month: report.month });
      // Refused for good (recorded for the admins): the message stands without its files.
      if (await deliverFiles(ctx, { channel: posted.channel, threadTs: posted.ts, initialComment: comment, files }, where)) {
        await stampReportFiles(db, claim.id, now);
      }
    }
    await settleReportPost(db, claim.id, 'sent', now);
    return 'sent';
  } catch (error) {
    await releaseReportPost(db, claim.id);
    throw error;
  }
}

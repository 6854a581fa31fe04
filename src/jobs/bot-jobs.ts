// The bot's scheduled jobs. Each is a function of `now`, so tests run them directly.
import type { BotContext } from '../slack/bot-context.ts';
import type { Job } from './start-jobs.ts';
import { scheduleMissingReminderTimers } from '../domain/visits/reminder-timers.ts';
import { sweepDueTimers } from './sweep-due-timers.ts';
import { timerHandlers } from './timer-handlers.ts';
import { scheduleMissingReportTimers } from '../domain/reports/report-timers.ts';
import { anonymiseClosedRecords } from '../domain/privacy/anonymise-closed-records.ts';

export function botJobs(ctx: BotContext): Job[] {
  const handlers = timerHandlers(ctx);
  return [
    {
      name: 'sweep-due-timers',
      schedule: '*/5 * * * * *',
      run: (now) => sweepDueTimers({ db: ctx.db, handlers, logger: ctx.logger, now }),
    },
    {
      // New account managers and supervisors get their reminder timers within minutes.
      name: 'schedule-visit-reminders',
      schedule: '0 */5 * * * *',
      run: (now) => scheduleMissingReminderTimers(ctx.db, { now, settings: ctx.config.visits, defaultTimeZone: ctx.config.timezone }),
    },
    {
      // Every region with a supervisors' channel has its monthly-report timer.
      name: 'schedule-monthly-reports',
      schedule: '30 */5 * * * *',
      run: (now) => scheduleMissingReportTimers(ctx.db, { now, time: ctx.config.reports.monthlyTime, timeZone: ctx.config.timezone }),
    },
    {
      // PIPL retention: personal data of records closed longer than PII_RETENTION_MONTHS, in batches, every hour.
      name: 'anonymise-personal-data',
      schedule: '0 40 * * * *',
      run: (now) => anonymiseClosedRecords({ db: ctx.db, clock: { now: () => now } }, { retentionMonths: ctx.config.privacy.retentionMonths }),
    },
  ];
}

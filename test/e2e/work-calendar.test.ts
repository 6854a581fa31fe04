// The work calendar end to end: seeded from the chinese-days package at start, shown by
// `/am calendar`, overridden by `npm run import -- calendar`, the digest timer skipping
// the National Day week for the make-up Saturday, and the December notice to admins.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { calendarCheckTimer, scheduleCalendarCheckTimer } from '../../src/domain/calendar/next-year-check.ts';
import { importCalendar } from '../../src/domain/calendar/import-calendar.ts';
import { seedCalendarFromPackage } from '../../src/domain/calendar/seed-calendar.ts';
import { scheduleMissingReminderTimers } from '../../src/domain/visits/reminder-timers.ts';
import { sweepDueTimers } from '../../src/jobs/sweep-due-timers.ts';
import { timerHandlers } from '../../src/jobs/timer-handlers.ts';
import { startTestBot, type TestBot } from '../support/test-bot.ts';

const run = promisify(execFile);
let t: TestBot;
let folder: string;

beforeAll(async () => {
  t = await startTestBot({ now: '2026-09-28T02:00:00Z' });
  t.slack.setUser('U0ADMIN', { locale: 'en-US', tz: 'Asia/Shanghai', name: 'Ada Admin' });
  t.slack.setUser('U0DEMOAM1', { locale: 'zh-CN', tz: 'Asia/Shanghai', name: '王晓梅' });
  folder = await mkdtemp(join(tmpdir(), 'calendar-cli-'));
});
afterAll(async () => {
  await t.stop();
  await rm(folder, { recursive: true, force: true });
});
beforeEach(() => t.slack.reset());

async function command(userId: string, text: string) {
  const responseUrl = t.slack.responseUrl();
  const response = await t.driver.command({ command: '/am', text, userId, responseUrl });
  expect(response.status).toBe(200);
  const answer = await t.slack.waitFor((c) => c.method === 'response_url' && c.responseUrl === responseUrl);
  t.slack.assertNoRejections();
  return answer.args;
}

async function sweep(at: string) {
  t.clock.set(at);
  await sweepDueTimers({ db: t.bot.db, handlers: timerHandlers(t.bot.ctx), logger: t.bot.ctx.logger, now: t.clock.now() });
  await t.bot.ctx.outbox.idle();
}

const dmsTo = (userId: string) => t.slack.callsTo('chat.postMessage').filter((c) => c.ok && c.args.channel === `D${userId}`);

describe('the calendar in Postgres', () => {
  it('holds the package years after the start, and a second seeding writes nothing', async () => {
    const years = await t.bot.db.calendarYear.findMany({ orderBy: { year: 'asc' } });
    expect(years.map((y) => y.year)).toContain(2026);
    expect(years.every((y) => y.source === 'package')).toBe(true);
    expect(await t.bot.db.calendarDay.findUnique({ where: { date: new Date('2026-10-10T00:00:00Z') } })).toMatchObject({ kind: 'workday', name: '国庆节' });
    expect(await seedCalendarFromPackage(t.bot.ctx)).toEqual({ years: [] });
  });

  it('shows a year with /am calendar: the holidays as ranges and the make-up days', async () => {
    const answer = await command('U0DEMOAM1', 'calendar 2026');
    const shown = JSON.stringify(answer.blocks);
    expect(shown).toContain('2026年工作日历');
    expect(shown).toContain('2026-10-01 – 2026-10-07 国庆节（7天）');
    expect(shown).toContain('2026-10-10（周六）国庆节');
    expect(shown).toContain('chinese-days');
  });

  it('says when a year is missing and what is used instead', async () => {
    const answer = await command('U0ADMIN', 'calendar 2031');
    expect(answer.text).toContain('There is no calendar for 2031');
    expect(answer.text).toContain('Mon, Tue, Wed, Thu, Fri');
    expect((await command('U0ADMIN', 'calendar next')).text).toContain('Usage: `/am calendar [YEAR]`');
  });
});

describe('the digest around National Day', () => {
  it('skips the holiday week and comes on the make-up Saturday', async () => {
    await scheduleMissingReminderTimers(t.bot.db, { now: t.clock.now(), settings: t.bot.ctx.config.visits, defaultTimeZone: t.bot.ctx.config.timezone });
    const digestDays: string[] = [];
    for (let day = 30; day <= 42; day++) {
      const date = new Date(Date.UTC(2026, 8, day, 1, 0, 0));
      await sweep(date.toISOString());
      if (dmsTo('U0DEMOAM1').length > 0) digestDays.push(date.toISOString().slice(0, 10));
      t.slack.reset();
    }
    expect(digestDays).toEqual(['2026-09-30', '2026-10-08', '2026-10-09', '2026-10-10', '2026-10-12']);
  });
});

describe('importing a calendar', () => {
  async function importFile(csv: string) {
    const file = join(folder, `calendar-${Date.now()}.csv`);
    await writeFile(file, csv);
    const env = { PATH: process.env.PATH!, DATABASE_URL: t.databaseUrl, DOTENV_CONFIG_PATH: '/nonexistent', LOG_LEVEL: 'silent' };
    return run(join(process.cwd(), 'node_modules/.bin/tsx'), ['src/cli/import-directory.ts', 'calendar', file], { env }).then(
      ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, output: error.stdout + error.stderr }),
    );
  }

  it('imports nothing from a file with a bad row and names its line', async () => {
    const result = await importFile('date,kind,name\n2027-01-01,holiday,元旦\n2027-02-30,holiday,春节\n2027-02-07,dayoff,春节\n');
    expect(result.code).toBe(1);
    expect(result.output).toContain('Nothing was imported: 2 problem(s)');
    expect(result.output).toMatch(/line 3, date: must be a date/);
    expect(result.output).toMatch(/line 4, kind: must be holiday or workday/);
    expect(await t.bot.db.calendarYear.findUnique({ where: { year: 2027 } })).toBeNull();
  });

  it('replaces the years in the file as a whole, and the package never overwrites them', async () => {
    const result = await importFile('date,kind,name\n2027-01-01,holiday,元旦\n2027-02-06,休,春节\n2027-02-07,workday,春节\n2026-10-01,holiday,国庆节\n');
    expect(result).toEqual({ code: 0, output: 'Imported calendar: 4 day(s) for 2026, 2027 (each year replaced as a whole).\n' });
    expect(await t.bot.db.calendarYear.findUniqueOrThrow({ where: { year: 2027 } })).toMatchObject({ source: 'import' });
    expect(await t.bot.db.calendarDay.count({ where: { date: { gte: new Date('2026-01-01'), lt: new Date('2027-01-01') } } })).toBe(1);
    expect(await seedCalendarFromPackage(t.bot.ctx)).toEqual({ years: [] });
    expect(await t.bot.db.auditEntry.count({ where: { action: 'calendar.imported', actorId: 'cli' } })).toBe(1);
    // Back to the package's 2026 for the other tests.
    await t.bot.db.calendarYear.update({ where: { year: 2026 }, data: { source: 'package' } });
    expect(await seedCalendarFromPackage(t.bot.ctx)).toEqual({ years: [2026] });
  });
});

describe('the December notice', () => {
  it('tells every admin on 1 December and each Monday of December while next year is missing, and stops once it is loaded', async () => {
    t.clock.set('2026-11-20T00:00:00Z');
    await t.bot.db.calendarYear.deleteMany({ where: { year: 2027 } });
    await scheduleCalendarCheckTimer(t.bot.db, { now: t.clock.now(), time: '09:00', timeZone: 'Asia/Shanghai' });
    expect((await t.bot.db.timer.findFirstOrThrow({ where: calendarCheckTimer })).dueAt).toEqual(new Date('2026-12-01T01:00:00Z'));

    await sweep('2026-12-01T00:59:59Z');
    expect(dmsTo('U0ADMIN')).toHaveLength(0);
    await sweep('2026-12-01T01:00:00Z');
    const [notice] = dmsTo('U0ADMIN');
    expect(notice?.args.text).toContain('The work calendar for *2027* is missing');
    expect(notice?.args.text).toContain('npm run import -- calendar FILE.csv');
    // Only admins hear of it (the manager gets the day's digest, nothing about the calendar).
    expect(dmsTo('U0DEMOAM1').filter((c) => String(c.args.text).includes('工作日历'))).toHaveLength(0);
    // Next check: Monday 7 December.
    expect((await t.bot.db.timer.findFirstOrThrow({ where: calendarCheckTimer })).dueAt).toEqual(new Date('2026-12-07T01:00:00Z'));

    t.slack.reset();
    const imported = await importCalendar(t.bot.ctx, { csv: 'date,kind,name\n2027-01-01,holiday,元旦\n', actorId: 'U0ADMIN' });
    expect(imported.ok).toBe(true);
    await sweep('2026-12-07T01:00:00Z');
    expect(dmsTo('U0ADMIN')).toHaveLength(0);
    expect((await t.bot.db.timer.findFirstOrThrow({ where: calendarCheckTimer })).dueAt).toEqual(new Date('2026-12-14T01:00:00Z'));
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, missingSlackCredentials } from '../../src/config.ts';

describe('loadConfig', () => {
  it('fills the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      timezone: 'Asia/Shanghai',
      locale: 'zh-CN',
      adminSlackIds: [],
      databaseUrl: undefined,
      slack: { apiUrl: 'https://slack.com/api/', channelIntervalMillis: 1000 },
      embeddedPostgres: { dataDir: '.data/postgres', port: 5433 },
    });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ BOT_TIMEZONE: 'Mars/Olympus' }, 'BOT_TIMEZONE'],
    [{ BOT_LOCALE: 'fr' }, 'BOT_LOCALE'],
    [{ ADMIN_SLACK_IDS: 'U0123ABCD, bob' }, 'ADMIN_SLACK_IDS'],
    [{ SLACK_BOT_TOKEN: 'xoxp-user-token' }, 'SLACK_BOT_TOKEN'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ SUPERVISOR_MENTION: 'U0123ABCD' }, 'SUPERVISOR_MENTION'],
  ])('stops on %o with one line naming %s', (env, variable) => {
    try {
      loadConfig(env);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(new RegExp(`^Configuration error: ${variable} [^\\n]+\\.$`));
    }
  });

  it('sends the all-clear digest unless VISIT_DIGEST_ALL_CLEAR=no, and counts days in BOT_TIMEZONE by default', () => {
    expect(loadConfig({}).visits).toMatchObject({ digestAllClear: true, policy: { timeZone: 'Asia/Shanghai' } });
    expect(loadConfig({ VISIT_DIGEST_ALL_CLEAR: 'no', BOT_TIMEZONE: 'Europe/Berlin' }).visits).toMatchObject({ digestAllClear: false, policy: { timeZone: 'Europe/Berlin' } });
    expect(() => loadConfig({ VISIT_DIGEST_ALL_CLEAR: 'maybe' })).toThrow(/VISIT_DIGEST_ALL_CLEAR/);
  });

  it('tracks diamond customers live by default, AAA ones when told, and keeps personal data 36 months', () => {
    expect(loadConfig({}).tickets.liveTracking).toEqual({ includeAAA: false, informMinutes: 30 });
    expect(loadConfig({ LIVE_TRACKING_AAA: 'yes', LIVE_TRACKING_INFORM_MINUTES: '15' }).tickets.liveTracking).toEqual({ includeAAA: true, informMinutes: 15 });
    expect(loadConfig({}).privacy).toEqual({ retentionMonths: 36 });
    expect(() => loadConfig({ PII_RETENTION_MONTHS: '0' })).toThrow(/PII_RETENTION_MONTHS/);
    expect(() => loadConfig({ LIVE_TRACKING_AAA: 'sometimes' })).toThrow(/LIVE_TRACKING_AAA/);
  });

  it('splits and trims the admin list', () => {
    expect(loadConfig({ ADMIN_SLACK_IDS: ' U0123ABCD,U0456EFGH ,' }).adminSlackIds).toEqual(['U0123ABCD', 'U0456EFGH']);
  });

  it('takes a Slack user group to mention in supervisors’ channels, or none (the region’s supervisors are mentioned)', () => {
    expect(loadConfig({}).tickets.supervisorMention).toBeUndefined();
    expect(loadConfig({ SUPERVISOR_MENTION: ' S0123ABCD ' }).tickets.supervisorMention).toBe('S0123ABCD');
  });

  it('needs a signing secret only in HTTP mode', () => {
    expect(missingSlackCredentials(loadConfig({}))).toEqual(['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET']);
    expect(missingSlackCredentials(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }))).toEqual([]);
  });
});

describe('loadConfig: every problem at once', () => {
  it('lists each wrong variable on its own line, in one error', () => {
    const env = { PORT: 'eighty', BOT_TIMEZONE: 'Mars/Olympus', HOME_PAGE_SIZE: '40', SLACK_APP_TOKEN: 'xoxb-wrong-kind' };
    let message = '';
    try {
      loadConfig(env);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    const lines = message.split('\n');
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(line).toMatch(/^Configuration error: [A-Z_]+ [^\n]+\.$/);
    expect(lines.map((line) => line.split(' ')[2]).sort()).toEqual(['BOT_TIMEZONE', 'HOME_PAGE_SIZE', 'PORT', 'SLACK_APP_TOKEN']);
  });
});

describe('loadConfig: secrets from files (NAME_FILE)', () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'config-secrets-'));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const secretFile = (name: string, content: string) => {
    const file = join(folder, name);
    writeFileSync(file, content);
    return file;
  };

  it('reads every secret from its file, without the final newline', () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN_FILE: secretFile('bot', 'xoxb-from-file\n'),
      SLACK_SIGNING_SECRET_FILE: secretFile('signing', 'signing-from-file\n'),
      SLACK_APP_TOKEN_FILE: secretFile('app', 'xapp-from-file'),
      TICKET_API_TOKEN_FILE: secretFile('ticket', 'ticket-token-from-a-file\r\n'),
      DATABASE_URL_FILE: secretFile('db', 'postgresql://bot:secret@db:5432/keyaccount\n'),
    });
    expect(config.slack).toMatchObject({ botToken: 'xoxb-from-file', signingSecret: 'signing-from-file', appToken: 'xapp-from-file' });
    expect(config.tickets.apiToken).toBe('ticket-token-from-a-file');
    expect(config.databaseUrl).toBe('postgresql://bot:secret@db:5432/keyaccount');
  });

  it('validates a value from a file like any other', () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN_FILE: secretFile('user-token', 'xoxp-user\n') })).toThrow(
      /^Configuration error: SLACK_BOT_TOKEN must start with xoxb-\.$/,
    );
  });

  it('names the variable whose file is missing or empty, or that is set twice — all at once', () => {
    let message = '';
    try {
      loadConfig({
        SLACK_BOT_TOKEN_FILE: join(folder, 'does-not-exist'),
        SLACK_SIGNING_SECRET_FILE: secretFile('empty', '\n'),
        DATABASE_URL: 'postgresql://a@b/c',
        DATABASE_URL_FILE: secretFile('db2', 'postgresql://x@y/z'),
      });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split('\n')).toEqual([
      expect.stringMatching(/^Configuration error: SLACK_BOT_TOKEN_FILE names a file that cannot be read \(.*does-not-exist: ENOENT\)\.$/),
      expect.stringMatching(/^Configuration error: SLACK_SIGNING_SECRET_FILE names an empty file \(.*\)\.$/),
      'Configuration error: DATABASE_URL_FILE cannot be used together with DATABASE_URL; set only one of them.',
    ]);
  });
});

describe('loadConfig: the embedded Postgres in production', () => {
  it('refuses NODE_ENV=production without DATABASE_URL, in one line saying why', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /^Configuration error: DATABASE_URL is not set while NODE_ENV=production: the embedded Postgres is only for trying the bot and for tests; [^\n]+\.$/,
    );
  });

  it('runs on DATABASE_URL (or its file) in production, and on the embedded one only when told so', () => {
    expect(loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgresql://db/keyaccount' }).databaseUrl).toBe('postgresql://db/keyaccount');
    expect(loadConfig({ NODE_ENV: 'production', EMBEDDED_PG_IN_PRODUCTION: 'yes' }).databaseUrl).toBeUndefined();
    expect(loadConfig({ NODE_ENV: 'development' }).databaseUrl).toBeUndefined();
    expect(() => loadConfig({ NODE_ENV: 'production', EMBEDDED_PG_IN_PRODUCTION: 'sure' })).toThrow(/^Configuration error: EMBEDDED_PG_IN_PRODUCTION /);
  });
});

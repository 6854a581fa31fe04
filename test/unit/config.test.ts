import { describe, expect, it } from 'vitest';
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
  ])('stops on %o with one line naming %s', (env, variable) => {
    try {
      loadConfig(env);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(new RegExp(`^Configuration error: ${variable} [^\\n]+\\.$`));
    }
  });

  it('splits and trims the admin list', () => {
    expect(loadConfig({ ADMIN_SLACK_IDS: ' U0123ABCD,U0456EFGH ,' }).adminSlackIds).toEqual(['U0123ABCD', 'U0456EFGH']);
  });

  it('needs a signing secret only in HTTP mode', () => {
    expect(missingSlackCredentials(loadConfig({}))).toEqual(['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET']);
    expect(missingSlackCredentials(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }))).toEqual([]);
  });
});

import { loadConfig, type Config } from '../../src/config.ts';

export const testSigningSecret = 'test-signing-secret';

/** A complete configuration for tests: HTTP mode, a fake Slack, a given database. */
export function testConfig(overrides: { databaseUrl: string; slackApiUrl: string; env?: Record<string, string> }): Config {
  return loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: testSigningSecret,
    SLACK_API_URL: overrides.slackApiUrl,
    DATABASE_URL: overrides.databaseUrl,
    PORT: '0',
    BOT_TIMEZONE: 'Asia/Shanghai',
    BOT_LOCALE: 'zh-CN',
    ADMIN_SLACK_IDS: 'U0ADMIN',
    SEED_DEMO_DIRECTORY: 'yes',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    SLACK_CHANNEL_INTERVAL_MS: '20',
    // A loaded CI machine must not turn an English user's answer Chinese.
    SLACK_PROFILE_WAIT_MS: '2000',
    // Home refreshes go out as soon as the outbox is idle; the coalescing has its own test.
    HOME_REFRESH_COALESCE_MS: '0',
    ...overrides.env,
  });
}

// A whole bot for an end-to-end test: a fresh database, a fake Slack, the real Bolt
// HTTP receiver on a free port, a clock the test controls, and a driver that sends
// signed requests the way Slack does.
import { startBot, type RunningBot } from '../../src/app.ts';
import type { Logger } from '../../src/logger.ts';
import { startFakeSlack, type FakeSlack } from '../../src/sandbox/slack-stand-in/server.ts';
import { createTestDatabase } from './database.ts';
import { createSlackDriver } from '../../src/sandbox/slack-stand-in/slack-requests.ts';
import { testClock, type TestClock } from './test-clock.ts';
import { testConfig, testSigningSecret } from './test-config.ts';

export type TestBot = {
  bot: RunningBot;
  slack: FakeSlack;
  driver: ReturnType<typeof createSlackDriver>;
  clock: TestClock;
  baseUrl: string;
  databaseUrl: string;
  stop(): Promise<void>;
};

export async function startTestBot(options: { now?: string; env?: Record<string, string>; logger?: Logger } = {}): Promise<TestBot> {
  const database = await createTestDatabase();
  const slack = await startFakeSlack();
  const clock = testClock(options.now ?? '2026-11-23T02:00:00Z');
  const config = testConfig({ databaseUrl: database.url, slackApiUrl: slack.apiUrl, env: options.env });
  const bot = await startBot({ config, clock, startJobs: false, logger: options.logger });
  const baseUrl = `http://127.0.0.1:${bot.port}`;
  return {
    bot,
    slack,
    clock,
    baseUrl,
    databaseUrl: database.url,
    driver: createSlackDriver({ baseUrl, signingSecret: testSigningSecret }),
    async stop() {
      await bot.stop();
      await slack.close();
      await database.drop();
    },
  };
}
